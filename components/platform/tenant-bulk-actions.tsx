'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import type { BulkAction, BulkOutcome, BulkResult } from '@/lib/platform/bulk-actions';

// The workspace list's selection (a checkbox per row and one for the whole page) and what the
// operator can do with it: change the plan, suspend with a reason, email the owners a notice.
// Each action is confirmed in a dialog that names the workspaces; the answer lists what
// happened to each one.

interface Selection {
  tenants: { id: string; name: string }[];
  selected: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
  setAll: (on: boolean) => void;
}

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error('useSelection: outside <BulkSelection>');
  return selection;
}

const ACTION_LABELS: Record<BulkAction, string> = { change_plan: 'Change plan', suspend: 'Suspend', notice: 'Send notice' };
const OUTCOME_LABELS: Record<BulkOutcome, string> = { done: 'Done', skipped: 'Skipped', not_found: 'Not found', failed: 'Failed' };

/** Holds the selection of the rows on this page; the action bar sits above the table it wraps. */
export function BulkSelection({ tenants, plans, actions, children }: { tenants: { id: string; name: string }[]; plans: { id: string; name: string }[]; actions: BulkAction[]; children: ReactNode }) {
  const [chosen, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Only rows on the page count: after another page, a filter or a refresh, the others drop out.
  const selected = new Set(tenants.filter((tenant) => chosen.has(tenant.id)).map((tenant) => tenant.id));
  const selection: Selection = {
    tenants,
    selected,
    toggle: (id, on) =>
      setSelected((current) => {
        const next = new Set([...current].filter((chosenId) => tenants.some((tenant) => tenant.id === chosenId)));
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on) => setSelected(on ? new Set(tenants.map((tenant) => tenant.id)) : new Set()),
  };
  return (
    <SelectionContext.Provider value={selection}>
      <BulkActionBar plans={plans} actions={actions} />
      {children}
    </SelectionContext.Provider>
  );
}

/** The header cell's checkbox: every row on this page, or none; mixed while some are chosen. */
export function SelectAllCheckbox() {
  const { tenants, selected, setAll } = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const all = tenants.length > 0 && tenants.every((tenant) => selected.has(tenant.id));
  const some = !all && tenants.some((tenant) => selected.has(tenant.id));
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return <input ref={ref} type="checkbox" className="size-5 align-middle" checked={all} onChange={(event) => setAll(event.target.checked)} aria-label="Select all workspaces on this page" />;
}

export function RowCheckbox({ id, name }: { id: string; name: string }) {
  const { selected, toggle } = useSelection();
  return <input type="checkbox" className="size-5 align-middle" checked={selected.has(id)} onChange={(event) => toggle(id, event.target.checked)} aria-label={`Select ${name}`} />;
}

function BulkActionBar({ plans, actions }: { plans: { id: string; name: string }[]; actions: BulkAction[] }) {
  const { tenants, selected, setAll } = useSelection();
  const [open, setOpen] = useState<BulkAction | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const chosen = tenants.filter((tenant) => selected.has(tenant.id));
  const count = chosen.length;
  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
        <span className="mr-auto text-slate-700" data-testid="bulk-selected">
          {count === 0 ? 'Select workspaces to act on several at once.' : `${count} selected`}
        </span>
        {count > 0 ? (
          <>
            {actions.map((action) => (
              <Button key={action} size="sm" variant={action === 'suspend' ? 'danger-ghost' : 'secondary'} onClick={() => setOpen(action)}>
                {ACTION_LABELS[action]}
              </Button>
            ))}
            <Button size="sm" variant="ghost" onClick={() => setAll(false)}>
              Clear selection
            </Button>
          </>
        ) : null}
      </div>
      {open ? (
        <BulkDialog
          action={open}
          tenants={chosen}
          plans={plans}
          onClose={() => setOpen(null)}
          onDone={(answer) => {
            setResult(answer);
            setOpen(null);
            setAll(false);
          }}
        />
      ) : null}
      {result ? <BulkResultPanel result={result} onDismiss={() => setResult(null)} /> : null}
    </div>
  );
}

function BulkDialog({ action, tenants, plans, onClose, onDone }: { action: BulkAction; tenants: { id: string; name: string }[]; plans: { id: string; name: string }[]; onClose: () => void; onDone: (result: BulkResult) => void }) {
  const router = useRouter();
  const form = useFormSubmit({ fieldsAlert: 'Check the fields below.' });
  const [plan, setPlan] = useState(plans[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const n = tenants.length;
  const workspaces = `${n} workspace${n === 1 ? '' : 's'}`;
  const confirm = { change_plan: `Change plan of ${workspaces}`, suspend: `Suspend ${workspaces}`, notice: `Email the owners of ${workspaces}` }[action];
  const consequence = {
    change_plan: 'The plan applies at once; each change is in the workspace’s and the platform’s audit logs.',
    suspend: 'Nobody can use a suspended workspace until it is reactivated. The owners are emailed the reason.',
    notice: 'Each workspace’s owners get the message by email, under its brand.',
  }[action];
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const fields = action === 'change_plan' ? { plan } : action === 'suspend' ? { reason } : { subject, body };
      const answer = await api<BulkResult>('/api/platform/tenants/bulk', { method: 'POST', json: { action, tenantIds: tenants.map((tenant) => tenant.id), ...fields } });
      onDone(answer);
      router.refresh();
    });
  };
  return (
    <Dialog open onOpenChange={(next) => (next ? null : onClose())}>
      <DialogContent title={`${ACTION_LABELS[action]}: ${workspaces}`} description={consequence}>
        <form onSubmit={submit} className="flex flex-col gap-4" aria-label={ACTION_LABELS[action]}>
          <div className="text-sm text-slate-700">
            <p className="font-medium">Selected:</p>
            <ul className="mt-1 max-h-32 list-disc overflow-y-auto pl-5 break-words" data-testid="bulk-dialog-tenants">
              {tenants.map((tenant) => (
                <li key={tenant.id}>{tenant.name}</li>
              ))}
            </ul>
          </div>
          <FormAlert message={form.alert} />
          {action === 'change_plan' ? <SelectField label="New plan" name="plan" value={plan} onChange={(event) => setPlan(event.target.value)} options={plans.map((p) => ({ value: p.id, label: p.name }))} error={form.errors.plan} /> : null}
          {action === 'suspend' ? <TextAreaField label="Reason (the owners see it)" name="reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} error={form.errors.reason} required /> : null}
          {action === 'notice' ? (
            <>
              <TextField label="Subject" name="subject" value={subject} onChange={(event) => setSubject(event.target.value)} error={form.errors.subject} required maxLength={150} />
              <TextAreaField label="Message" name="body" rows={6} value={body} onChange={(event) => setBody(event.target.value)} error={form.errors.body} required maxLength={5000} hint="Plain text; a blank line starts a new paragraph." />
            </>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant={action === 'suspend' ? 'danger' : 'primary'} disabled={form.pending}>
              {form.pending ? 'Working…' : confirm}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function BulkResultPanel({ result, onDismiss }: { result: BulkResult; onDismiss: () => void }) {
  const { counts } = result;
  const summary = (Object.keys(OUTCOME_LABELS) as BulkOutcome[])
    .filter((outcome) => counts[outcome] > 0)
    .map((outcome) => `${OUTCOME_LABELS[outcome]}: ${counts[outcome]}`)
    .join(', ');
  return (
    <div role="status" className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm" data-testid="bulk-result">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium text-slate-900">
          {ACTION_LABELS[result.action]}: {summary}.
        </p>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      <ul className="mt-2 flex flex-col gap-1">
        {result.results.map((row) => (
          <li key={row.tenantId} className="break-words text-slate-700">
            <span className={row.outcome === 'done' ? 'font-medium text-emerald-800' : row.outcome === 'failed' ? 'font-medium text-red-700' : 'font-medium text-amber-800'}>{OUTCOME_LABELS[row.outcome]}</span> — {row.name ?? row.tenantId}: {row.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}
