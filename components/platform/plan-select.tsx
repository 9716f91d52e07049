'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { api, ApiError } from '@/lib/http/api-client';

/** The operator's plan picker for one workspace: saving sets the plan at once (audited). */
export function PlanSelect({ tenantId, tenantName, plan, plans }: { tenantId: string; tenantName: string; plan: string; plans: { id: string; name: string }[] }) {
  const t = useTranslations('operatorTenants.planSelect');
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(plan);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function save() {
    setPending(true);
    setMessage(null);
    try {
      await api(`/api/platform/tenants/${encodeURIComponent(tenantId)}/plan`, { method: 'PUT', json: { plan: value } });
      setMessage({ kind: 'ok', text: t('saved') });
      router.refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ApiError ? error.message : t('saveFailed') });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t('label', { workspace: tenantName })}
      </label>
      {/* Unknown plans (e.g. retired ones) still show as the current value. */}
      <select id={id} value={value} onChange={(event) => setValue(event.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
        {plans.some((p) => p.id === plan) ? null : <option value={plan}>{plan}</option>}
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={save}
        disabled={pending || value === plan}
        aria-label={t('saveLabel', { workspace: tenantName })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-50 disabled:opacity-50"
      >
        {pending ? t('saving') : t('save')}
      </button>
      {message ? (
        <span role={message.kind === 'error' ? 'alert' : 'status'} className={`text-xs ${message.kind === 'error' ? 'text-red-700' : 'text-emerald-700'}`}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
