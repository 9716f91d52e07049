'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { ApiError } from '@/lib/http/api-client';
import type { TeamDetail } from '@/lib/teams/team-schema';
import { TeamSettingsFields } from './team-settings-fields';
import { useDeleteTeam, useUpdateTeam } from './use-team-mutations';

/** For admins: the team's settings, and deleting it (with its goals) after a confirmation. */
export function TeamSettingsForm({ team }: { team: TeamDetail }) {
  const router = useRouter();
  const t = useTranslations('teamDetail.settings');
  const update = useUpdateTeam(team.id);
  const remove = useDeleteTeam(team.id, () => router.push('/teams'));
  const [values, setValues] = useState({
    name: team.name,
    description: team.description ?? '',
    visibility: team.visibility,
    joinApprovalRequired: team.joinApprovalRequired,
    memberCanInvite: team.memberCanInvite,
  });
  const [saved, setSaved] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fields = update.error instanceof ApiError ? update.error.fields : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    update.mutate({ ...values, joinApprovalRequired: values.visibility === 'public' && values.joinApprovalRequired }, { onSuccess: () => setSaved(t('saved')) });
  }

  return (
    <section aria-labelledby="settings-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="settings-heading" className="text-lg font-semibold text-slate-900">
        {t('heading')}
      </h2>
      <form onSubmit={submit} noValidate aria-label={t('formLabel')} className="mt-4 flex flex-col gap-4">
        <FormAlert message={update.error && Object.keys(fields).length === 0 ? update.error.message : null} />
        <TeamSettingsFields values={values} onChange={setValues} errors={fields} />
        <div className="flex items-center gap-4">
          <Button type="submit" disabled={update.isPending}>
            {t('save')}
          </Button>
          <FormStatus message={saved} />
        </div>
      </form>
      <div className="mt-6 border-t border-slate-100 pt-4">
        <FormAlert message={remove.error?.message} />
        {confirming ? (
          <div role="group" aria-label={t('confirmLabel')} className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            <span>{t('confirmText', { name: team.name })}</span>
            <Button type="button" className="bg-red-700! text-white!" disabled={remove.isPending} onClick={() => remove.mutate()}>
              {t('confirmDelete')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} autoFocus>
              {t('cancel')}
            </Button>
          </div>
        ) : (
          <Button type="button" variant="secondary" className="text-red-700!" onClick={() => setConfirming(true)}>
            {t('delete')}
          </Button>
        )}
      </div>
    </section>
  );
}
