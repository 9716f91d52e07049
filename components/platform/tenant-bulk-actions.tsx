'use client';

import { useLocale, useTranslations } from 'next-intl';
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

const ACTION_KEYS = { change_plan: 'changePlan', suspend: 'suspend', notice: 'notice' } as const satisfies Record<BulkAction, string>;
const OUTCOME_KEYS = { done: 'done', skipped: 'skipped', not_found: 'notFound', failed: 'failed' } as const satisfies Record<BulkOutcome, string>;

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
  const t = useTranslations('operatorTenants.bulk');
  const { tenants, selected, setAll } = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const all = tenants.length > 0 && tenants.every((tenant) => selected.has(tenant.id));
  const some = !all && tenants.some((tenant) => selected.has(tenant.id));
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return <input ref={ref} type="checkbox" className="size-5 align-middle" checked={all} onChange={(event) => setAll(event.target.checked)} aria-label={t('selectAll')} />;
}

export function RowCheckbox({ id, name }: { id: string; name: string }) {
  const t = useTranslations('operatorTenants.bulk');
  const { selected, toggle } = useSelection();
  return <input type="checkbox" className="size-5 align-middle" checked={selected.has(id)} onChange={(event) => toggle(id, event.target.checked)} aria-label={t('select', { name })} />;
}

function BulkActionBar({ plans, actions }: { plans: { id: string; name: string }[]; actions: BulkAction[] }) {
  const t = useTranslations('operatorTenants.bulk');
  const { tenants, selected, setAll } = useSelection();
  const [open, setOpen] = useState<BulkAction | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const chosen = tenants.filter((tenant) => selected.has(tenant.id));
  const count = chosen.length;
  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label={t('label')} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
        <span className="me-auto text-slate-700" data-testid="bulk-selected">
          {count === 0 ? t('hint') : t('selected', { count })}
        </span>
        {count > 0 ? (
          <>
            {actions.map((action) => (
              <Button key={action} size="sm" variant={action === 'suspend' ? 'danger-ghost' : 'secondary'} onClick={() => setOpen(action)}>
                {t(`actions.${ACTION_KEYS[action]}`)}
              </Button>
            ))}
            <Button size="sm" variant="ghost" onClick={() => setAll(false)}>
              {t('clear')}
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
  const t = useTranslations('operatorTenants.bulk');
  const router = useRouter();
  const form = useFormSubmit({ fieldsAlert: t('fieldsAlert') });
  const [plan, setPlan] = useState(plans[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const count = tenants.length;
  const key = ACTION_KEYS[action];
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
      <DialogContent title={t(`titles.${key}`, { count })} description={t(`consequences.${key}`)}>
        <form onSubmit={submit} className="flex flex-col gap-4" aria-label={t(`actions.${key}`)}>
          <div className="text-sm text-slate-700">
            <p className="font-medium">{t('chosen')}</p>
            <ul className="mt-1 max-h-32 list-disc overflow-y-auto ps-5 break-words" data-testid="bulk-dialog-tenants">
              {tenants.map((tenant) => (
                <li key={tenant.id}>{tenant.name}</li>
              ))}
            </ul>
          </div>
          <FormAlert message={form.alert} />
          {action === 'change_plan' ? <SelectField label={t('newPlan')} name="plan" value={plan} onChange={(event) => setPlan(event.target.value)} options={plans.map((p) => ({ value: p.id, label: p.name }))} error={form.errors.plan} /> : null}
          {action === 'suspend' ? <TextAreaField label={t('reason')} name="reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} error={form.errors.reason} required /> : null}
          {action === 'notice' ? (
            <>
              <TextField label={t('subject')} name="subject" value={subject} onChange={(event) => setSubject(event.target.value)} error={form.errors.subject} required maxLength={150} />
              <TextAreaField label={t('message')} name="body" rows={6} value={body} onChange={(event) => setBody(event.target.value)} error={form.errors.body} required maxLength={5000} hint={t('messageHint')} />
            </>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                {t('cancel')}
              </Button>
            </DialogClose>
            <Button type="submit" variant={action === 'suspend' ? 'danger' : 'primary'} disabled={form.pending}>
              {form.pending ? t('working') : t(`confirms.${key}`, { count })}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function BulkResultPanel({ result, onDismiss }: { result: BulkResult; onDismiss: () => void }) {
  const t = useTranslations('operatorTenants.bulk');
  const locale = useLocale();
  const { counts } = result;
  const summary = new Intl.ListFormat(locale, { style: 'short', type: 'unit' }).format(
    (Object.keys(OUTCOME_KEYS) as BulkOutcome[]).filter((outcome) => counts[outcome] > 0).map((outcome) => t('outcomeCount', { outcome: t(`outcomes.${OUTCOME_KEYS[outcome]}`), count: counts[outcome] })),
  );
  return (
    <div role="status" className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm" data-testid="bulk-result">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium text-slate-900">
          {t('resultSummary', { action: t(`actions.${ACTION_KEYS[result.action]}`), summary })}
        </p>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          {t('dismiss')}
        </Button>
      </div>
      <ul className="mt-2 flex flex-col gap-1">
        {result.results.map((row) => (
          <li key={row.tenantId} className="break-words text-slate-700">
            {t.rich('resultRow', {
              outcome: t(`outcomes.${OUTCOME_KEYS[row.outcome]}`),
              name: row.name ?? row.tenantId,
              detail: row.detail,
              tone: (chunks) => <span className={row.outcome === 'done' ? 'font-medium text-emerald-800' : row.outcome === 'failed' ? 'font-medium text-red-700' : 'font-medium text-amber-800'}>{chunks}</span>,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
