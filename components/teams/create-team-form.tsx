'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { ApiError } from '@/lib/http/api-client';
import { EMPTY_SETTINGS, TeamSettingsFields } from './team-settings-fields';
import { useCreateTeam } from './use-team-mutations';

/** For admins: a new team, optionally with its first lead (the creator is not added otherwise). */
export function CreateTeamForm({ leadCandidates }: { leadCandidates: { userId: string; name: string }[] }) {
  const t = useTranslations('teams.create');
  const create = useCreateTeam();
  const [values, setValues] = useState(EMPTY_SETTINGS);
  const [leadUserId, setLeadUserId] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    create.mutate(
      { ...values, joinApprovalRequired: values.visibility === 'public' && values.joinApprovalRequired, leadUserId: leadUserId || null },
      {
        onSuccess: (result) => {
          setValues(EMPTY_SETTINGS);
          setLeadUserId('');
          setCreated(t('created', { name: result.name }));
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('label')} className="flex flex-col gap-4">
      <FormAlert message={create.error && Object.keys(fields).length === 0 ? create.error.message : null} />
      <TeamSettingsFields values={values} onChange={setValues} errors={fields} />
      <SelectField
        label={t('lead')}
        name="leadUserId"
        value={leadUserId}
        onChange={(e) => setLeadUserId(e.target.value)}
        error={fields.leadUserId}
        options={[{ value: '', label: t('noLead') }, ...leadCandidates.map((c) => ({ value: c.userId, label: c.name }))]}
      />
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={create.isPending}>
          {t('submit')}
        </Button>
        <FormStatus message={created} />
      </div>
    </form>
  );
}
