'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { useFormat } from '@/lib/format/format-context';
import { api, ApiError } from '@/lib/http/api-client';

/** A currency's name in the reader's language ("Euro", "US-Dollar", "يورو"). */
export function useCurrencyName(): (currency: string) => string {
  const { settings } = useFormat();
  const names = new Intl.DisplayNames(settings.locale, { type: 'currency' });
  return (currency) => names.of(currency.toUpperCase()) ?? currency.toUpperCase();
}

/**
 * The currency the workspace is billed in: owners pick it while there is no subscription
 * (Stripe bills a customer in one currency); otherwise it is shown, with how to change it.
 */
export function CurrencyPicker({ currency, currencies, changeable, canChange }: { currency: string; currencies: readonly string[]; changeable: boolean; canChange: boolean }) {
  const t = useTranslations('billing.currency');
  const name = useCurrencyName();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (!canChange || !changeable) {
    return (
      <p className="text-sm text-slate-700" data-testid="billing-currency">
        {changeable ? t('billedIn', { currency: name(currency) }) : t('locked', { currency: name(currency) })}
      </p>
    );
  }

  async function choose(next: string) {
    setPending(true);
    setError(null);
    setSaved(null);
    try {
      await api('/api/app/billing/currency', { method: 'PUT', json: { currency: next } });
      setSaved(t('saved', { currency: name(next) }));
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('failed'));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex max-w-sm flex-col gap-2" data-testid="billing-currency">
      <SelectField label={t('label')} value={currency} disabled={pending} onChange={(event) => choose(event.target.value)} options={currencies.map((value) => ({ value, label: name(value) }))} />
      <p className="text-sm text-slate-600">{t('hint')}</p>
      <FormStatus message={saved} />
      {error ? <FormAlert message={error} /> : null}
    </div>
  );
}
