'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { api, ApiError } from '@/lib/http/api-client';
import { useFormat } from '@/lib/format/format-context';

type PlanChange = { kind: 'checkout'; url: string } | { kind: 'updated'; plan: string } | { kind: 'cancel_scheduled'; plan: string; at: string | null } | { kind: 'unchanged'; plan: string };

/** The server's words (already in the page's language), or ours when there are none. */
function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** Subscribe to / change to one plan: Stripe Checkout for a first subscription, an in-place change otherwise. */
export function ChoosePlanButton({ plan, planName, label }: { plan: string; planName: string; label: string }) {
  const t = useTranslations('billing.actions');
  const fmt = useFormat();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function choose() {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      const result = await api<PlanChange>('/api/app/billing/checkout', { method: 'POST', json: { plan } });
      if (result.kind === 'checkout') {
        window.location.assign(result.url);
        return;
      }
      if (result.kind === 'updated') setDone(t('changing', { plan: planName }));
      else if (result.kind === 'cancel_scheduled') setDone(result.at ? t('endsOn', { date: fmt.date(result.at), plan: planName }) : t('endsAtPeriodEnd', { plan: planName }));
      else setDone(t('alreadyOn', { plan: planName }));
      router.refresh();
    } catch (caught) {
      setError(errorMessage(caught, t('failed')));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <Button type="button" onClick={choose} disabled={pending} aria-label={t('chooseLabel', { label, plan: planName })}>
        {pending ? t('moment') : label}
      </Button>
      <FormAlert message={error} />
      {done ? (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      ) : null}
    </div>
  );
}

/** Opens a Stripe page the server picks (the customer portal, or the unpaid invoice's payment page). */
function StripePageButton({ endpoint, label, variant }: { endpoint: string; label: string; variant: 'primary' | 'secondary' }) {
  const t = useTranslations('billing.actions');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    setPending(true);
    setError(null);
    try {
      const { url } = await api<{ url: string }>(endpoint, { method: 'POST', json: {} });
      window.location.assign(url);
    } catch (caught) {
      setError(errorMessage(caught, t('failed')));
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <Button type="button" variant={variant} onClick={open} disabled={pending}>
        {pending ? t('opening') : label}
      </Button>
      <FormAlert message={error} />
    </div>
  );
}

/** Opens Stripe's customer portal (cards, invoices, cancelling). */
export function ManageBillingButton() {
  const t = useTranslations('billing.actions');
  return <StripePageButton endpoint="/api/app/billing/portal" label={t('manage')} variant="secondary" />;
}

/** Pays the unpaid invoice on Stripe, which resumes the existing subscription (no second one). */
export function PayInvoiceButton() {
  const t = useTranslations('billing.actions');
  return <StripePageButton endpoint="/api/app/billing/pay" label={t('payInvoice')} variant="primary" />;
}
