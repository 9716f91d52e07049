'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import { TextAreaField } from '@/components/ui/text-area-field';

// The reviewer's tools on /operator/apps/[appId]: the checklist, the decision, Featured.

const reviewPath = (versionId: string) => `/api/operator/app-reviews/${encodeURIComponent(versionId)}`;

export function ChecklistForm({ versionId, items }: { versionId: string; items: { id: string; label: string; ticked: boolean }[] }) {
  const router = useRouter();
  const { alert, status, pending, submit } = useFormSubmit();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void submit(async () => {
      await api(reviewPath(versionId), { method: 'PATCH', json: { items: Object.fromEntries(items.map((item) => [item.id, data.get(item.id) === 'on'])) } });
      router.refresh();
      return 'Checklist saved.';
    });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Review checklist">
      <FormAlert message={alert} />
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">Checklist</legend>
        {items.map((item) => (
          <label key={item.id} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name={item.id} defaultChecked={item.ticked} className="mt-1" />
            <span>{item.label}</span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save checklist'}
        </Button>
        <FormStatus message={status} />
      </div>
    </form>
  );
}

export function DecisionForm({ versionId, status }: { versionId: string; status: string }) {
  const router = useRouter();
  const { errors, alert, status: done, pending, submit } = useFormSubmit({ fieldsAlert: 'See the messages below.' });
  function decide(form: HTMLFormElement | null, decision: 'start_review' | 'request_changes' | 'reject' | 'approve') {
    const reason = form ? String(new FormData(form).get('reason') ?? '') : '';
    void submit(async () => {
      await api(reviewPath(versionId), { method: 'POST', json: decision === 'start_review' ? { decision } : { decision, reason } });
      router.refresh();
      return { start_review: 'Review started.', request_changes: 'Changes requested.', reject: 'Rejected.', approve: 'Approved.' }[decision];
    });
  }
  return (
    <form noValidate className="flex flex-col gap-3" aria-label="Decision" onSubmit={(event) => event.preventDefault()}>
      <FormAlert message={alert} />
      {errors.checklist ? <p className="text-sm text-red-700">{errors.checklist}</p> : null}
      {errors.decision ? <p className="text-sm text-red-700">{errors.decision}</p> : null}
      <TextAreaField label="Reason or message to the partner" name="reason" rows={3} hint="Required to request changes or reject; emailed to the partner and added to the thread." error={errors.reason} />
      <div className="flex flex-wrap items-center gap-3">
        {status === 'submitted' ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={(event) => decide(event.currentTarget.form, 'start_review')}>
            Start review
          </Button>
        ) : null}
        <Button type="button" variant="secondary" disabled={pending} onClick={(event) => decide(event.currentTarget.form, 'request_changes')}>
          Request changes
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={(event) => decide(event.currentTarget.form, 'reject')}>
          Reject
        </Button>
        <Button type="button" disabled={pending} onClick={(event) => decide(event.currentTarget.form, 'approve')}>
          Approve
        </Button>
        <FormStatus message={done} />
      </div>
    </form>
  );
}

export function FeaturedToggle({ appId, name, featured }: { appId: string; name: string; featured: boolean }) {
  const router = useRouter();
  const { alert, pending, submit } = useFormSubmit();
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={featured ? `Unfeature ${name}` : `Feature ${name}`}
        onClick={() =>
          void submit(async () => {
            await api(`/api/operator/apps/${encodeURIComponent(appId)}`, { method: 'PATCH', json: { featured: !featured } });
            router.refresh();
          })
        }
      >
        {featured ? 'Unfeature' : 'Feature'}
      </Button>
      <FormAlert message={alert} />
    </div>
  );
}
