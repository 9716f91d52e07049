'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import { TextAreaField } from '@/components/ui/text-area-field';

// The reviewer's tools on /operator/apps/[appId]: the checklist, the decision, Featured.

const reviewPath = (versionId: string) => `/api/operator/app-reviews/${encodeURIComponent(versionId)}`;

const CHECKLIST_KEYS = ['listing', 'scopes', 'redirects', 'privacy', 'install'] as const;
const isChecklistKey = (id: string): id is (typeof CHECKLIST_KEYS)[number] => (CHECKLIST_KEYS as readonly string[]).includes(id);

export function ChecklistForm({ versionId, items }: { versionId: string; items: { id: string; label: string; ticked: boolean }[] }) {
  const t = useTranslations('marketplaceOperator');
  const router = useRouter();
  const { alert, status, pending, submit } = useFormSubmit();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void submit(async () => {
      await api(reviewPath(versionId), { method: 'PATCH', json: { items: Object.fromEntries(items.map((item) => [item.id, data.get(item.id) === 'on'])) } });
      router.refresh();
      return t('checklistSaved');
    });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t('checklistLabel')}>
      <FormAlert message={alert} />
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">{t('checklist')}</legend>
        {items.map((item) => (
          <label key={item.id} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name={item.id} defaultChecked={item.ticked} className="mt-1" />
            <span>{isChecklistKey(item.id) ? t(`checklistItems.${item.id}`) : item.label}</span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t('saving') : t('saveChecklist')}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function DecisionForm({ versionId, status }: { versionId: string; status: string }) {
  const t = useTranslations('marketplaceOperator');
  const router = useRouter();
  const { errors, alert, status: done, pending, submit } = useFormSubmit({ fieldsAlert: t('seeBelow') });
  function decide(form: HTMLFormElement | null, decision: 'start_review' | 'request_changes' | 'reject' | 'approve') {
    const reason = form ? String(new FormData(form).get('reason') ?? '') : '';
    void submit(async () => {
      await api(reviewPath(versionId), { method: 'POST', json: decision === 'start_review' ? { decision } : { decision, reason } });
      router.refresh();
      return { start_review: t('decisions.startReview'), request_changes: t('decisions.requestChanges'), reject: t('decisions.reject'), approve: t('decisions.approve') }[decision];
    });
  }
  return (
    <form noValidate className="flex flex-col gap-3" aria-label={t('decision')} onSubmit={(event) => event.preventDefault()}>
      <FormAlert message={alert} />
      {errors.checklist ? <p className="text-sm text-red-700">{errors.checklist}</p> : null}
      {errors.decision ? <p className="text-sm text-red-700">{errors.decision}</p> : null}
      <TextAreaField label={t('reasonLabel')} name="reason" rows={3} hint={t('reasonHint')} error={errors.reason} />
      <div className="flex flex-wrap items-center gap-3">
        {status === 'submitted' ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={(event) => decide(event.currentTarget.form, 'start_review')}>
            {t('startReview')}
          </Button>
        ) : null}
        <Button type="button" variant="secondary" disabled={pending} onClick={(event) => decide(event.currentTarget.form, 'request_changes')}>
          {t('requestChanges')}
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={(event) => decide(event.currentTarget.form, 'reject')}>
          {t('reject')}
        </Button>
        <Button type="button" disabled={pending} onClick={(event) => decide(event.currentTarget.form, 'approve')}>
          {t('approve')}
        </Button>
        <FormStatus message={done} />
      </div>
    </form>
  );
}

export function FeaturedToggle({ appId, name, featured }: { appId: string; name: string; featured: boolean }) {
  const t = useTranslations('marketplaceOperator');
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={featured ? t('unfeatureLabel', { app: name }) : t('featureLabel', { app: name })}
        onClick={() =>
          void submit(async () => {
            await api(`/api/operator/apps/${encodeURIComponent(appId)}`, { method: 'PATCH', json: { featured: !featured } });
            router.refresh();
          })
        }
      >
        {featured ? t('unfeature') : t('feature')}
      </Button>
      <FormAlert message={alert} />
    </div>
  );
}
