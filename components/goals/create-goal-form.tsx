'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import type { GoalFields } from './goal-requests';
import { MeasurableFields } from './measurable-fields';
import { PENDING_PREFIX } from './optimistic';
import { useCreateGoal } from './use-goal-mutations';

export interface TeamOption {
  id: string;
  name: string;
  /** The viewer may add goals to it (the filter lists every team whose goals they see). */
  canAdd?: boolean;
}

interface Viewer {
  userId: string;
  name: string;
}

const EMPTY: GoalFields & { teamId: string } = { title: '', description: '', targetDate: '', targetValue: '', unit: '', teamId: '' };

/** New personal goal, or a team goal for one of the viewer's teams. */
export function CreateGoalForm({
  teams,
  viewer,
  defaultTeamId = '',
  onCreated,
}: {
  teams: TeamOption[];
  viewer: Viewer;
  defaultTeamId?: string;
  /** Called once the server saved it (the dialog closes and says so). */
  onCreated?: (goal: { id: string; title: string }) => void;
}) {
  const t = useTranslations('goals.form');
  const [values, setValues] = useState({ ...EMPTY, teamId: defaultTeamId });
  const [created, setCreated] = useState<string | null>(null);
  const create = useCreateGoal((input) => {
    const now = new Date().toISOString();
    return {
      id: `${PENDING_PREFIX}${Date.now()}`,
      title: input.title.trim(),
      description: input.description.trim() || null,
      targetDate: input.targetDate || null,
      status: 'active',
      progress: 0,
      targetValue: null,
      unit: null,
      currentValue: 0,
      teamId: input.teamId,
      teamName: teams.find((team) => team.id === input.teamId)?.name ?? null,
      ownerId: viewer.userId,
      ownerName: viewer.name,
      completedAt: null,
      completedById: null,
      completedByName: null,
      milestones: { completed: 0, total: 0 },
      assignees: [],
      createdAt: now,
      updatedAt: now,
    };
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const alert = create.error && Object.keys(fields).length === 0 ? create.error.message : null;

  function set(field: keyof typeof EMPTY, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    create.mutate(
      { title: values.title, description: values.description, targetDate: values.targetDate, targetValue: values.targetValue, unit: values.unit, teamId: values.teamId || null },
      {
        onSuccess: (result) => {
          setValues({ ...EMPTY, teamId: values.teamId });
          if (onCreated) onCreated(result);
          else setCreated(t('created', { title: result.title }));
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('label')} className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <TextField label={t('title')} name="title" required maxLength={200} value={values.title} onChange={(e) => set('title', e.target.value)} error={fields.title} />
      <TextField
        label={t('description')}
        name="description"
        maxLength={5000}
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={fields.description}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('targetDate')} name="targetDate" type="date" value={values.targetDate} onChange={(e) => set('targetDate', e.target.value)} error={fields.targetDate} />
        <SelectField
          label={t('team')}
          name="teamId"
          value={values.teamId}
          onChange={(e) => set('teamId', e.target.value)}
          error={fields.teamId}
          options={[{ value: '', label: t('personal') }, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
        />
      </div>
      <MeasurableFields values={values} errors={fields} onChange={set} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={create.isPending}>
          {t('submit')}
        </Button>
        <FormStatus message={created} />
      </div>
    </form>
  );
}
