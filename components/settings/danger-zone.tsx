'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';

interface Candidate {
  membershipId: string;
  label: string;
}

export function DangerZone({ slug, isOwner, candidates }: { slug: string; isOwner: boolean; candidates: Candidate[] }) {
  const [newOwner, setNewOwner] = useState(candidates[0]?.membershipId ?? '');
  const [confirmSlug, setConfirmSlug] = useState('');
  const { errors, alert, submit: run } = useFormSubmit();

  const transfer = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('/api/app/settings/transfer-ownership', { method: 'POST', json: { membershipId: newOwner } });
      window.location.reload();
    });
  };
  const remove = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { redirectTo } = await api<{ redirectTo: string }>('/api/app/settings/workspace', { method: 'DELETE', json: { confirmSlug } });
      window.location.assign(redirectTo);
    });
  };
  const leave = () =>
    void run(async () => {
      if (!window.confirm('Leave this workspace? You will lose access to it.')) return;
      const { redirectTo } = await api<{ redirectTo: string }>('/api/app/members/me', { method: 'DELETE' });
      window.location.assign(redirectTo);
    });

  return (
    <div className="flex flex-col gap-6">
      <FormAlert message={alert} />
      {isOwner ? (
        <form onSubmit={transfer} className="flex flex-col gap-3" aria-label="Transfer ownership">
          <h3 className="font-semibold text-slate-900">Transfer ownership</h3>
          <p className="text-sm text-slate-600">The member you choose becomes an owner; you stay on as an admin.</p>
          {candidates.length ? (
            <div className="flex flex-wrap items-end gap-3">
              <SelectField label="New owner" value={newOwner} onChange={(e) => setNewOwner(e.target.value)} options={candidates.map((c) => ({ value: c.membershipId, label: c.label }))} error={errors.membershipId} />
              <Button type="submit" variant="secondary">
                Transfer ownership
              </Button>
            </div>
          ) : (
            <p className="text-sm text-slate-500">Invite someone first: there is nobody to transfer to.</p>
          )}
        </form>
      ) : null}
      <div className="flex flex-col gap-3">
        <h3 className="font-semibold text-slate-900">Leave workspace</h3>
        <p className="text-sm text-slate-600">You lose access at once. The last owner has to transfer ownership first.</p>
        <div>
          <Button type="button" variant="secondary" onClick={leave}>
            Leave workspace
          </Button>
        </div>
      </div>
      {isOwner ? (
        <form onSubmit={remove} className="flex flex-col gap-3" aria-label="Delete workspace">
          <h3 className="font-semibold text-red-700">Delete workspace</h3>
          <p className="text-sm text-slate-600">Closes the workspace at once for everyone. Every goal, habit, team and member is erased after 30 days; until then, support can restore it.</p>
          <TextField label={`Type ${slug} to confirm`} value={confirmSlug} onChange={(e) => setConfirmSlug(e.target.value)} error={errors.confirmSlug} autoComplete="off" />
          <div>
            <button type="submit" disabled={confirmSlug !== slug} className="rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50">
              Delete this workspace
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
