'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import type { AppPricing, PricingModel } from '@/lib/marketplace/pricing';
import { parseDollars } from '@/lib/resellers/money';

// The Pricing section of the partner's version form. Amounts are typed in dollars and sent in
// integer cents (parseDollars: exact, no floating point); the server validates the model and
// its amounts with pricingSchema. Only the fields the chosen model uses are shown and sent.

const MODELS = ['free', 'flat', 'usage', 'hybrid'] as const satisfies readonly PricingModel[];

const dollars = (cents: number | null) => (cents === null ? '' : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);

/** What readPricing says about amounts it cannot read (the caller's language; English by default). */
export interface PricingProblems {
  badMonthlyFee: string;
  badPer1000: string;
  badIncludedCalls: string;
  fieldsNeedAttention: string;
}

const ENGLISH_PROBLEMS: PricingProblems = {
  badMonthlyFee: 'Monthly fee: enter dollars and cents, e.g. 12.50.',
  badPer1000: 'Price per 1,000 calls: enter dollars and cents, e.g. 12.50.',
  badIncludedCalls: 'Included calls: enter a whole number, e.g. 10000.',
  fieldsNeedAttention: 'Some fields need attention.',
};

/** The form's price as the version PATCH takes it; a bad amount is an ApiError on its field (shown like the server's). */
export function readPricing(data: FormData, problems: PricingProblems = ENGLISH_PROBLEMS): Pick<AppPricing, 'pricing'> & Partial<AppPricing> {
  const model = String(data.get('pricing') ?? 'free') as PricingModel;
  const out: Pick<AppPricing, 'pricing'> & Partial<AppPricing> = { pricing: model };
  const errors: Record<string, string> = {};
  const amount = (field: 'monthlyFeeCents' | 'per1000CallsCents', input: string, problem: string) => {
    const cents = parseDollars(String(data.get(input) ?? ''));
    if (cents === null) errors[field] = problem;
    else out[field] = cents;
  };
  if (model === 'flat' || model === 'hybrid') amount('monthlyFeeCents', 'monthlyFee', problems.badMonthlyFee);
  if (model === 'usage' || model === 'hybrid') amount('per1000CallsCents', 'per1000Calls', problems.badPer1000);
  if (model === 'hybrid') {
    const raw = String(data.get('includedCalls') ?? '').replace(/,/g, '').trim();
    if (!/^\d{1,9}$/.test(raw)) errors.includedCalls = problems.badIncludedCalls;
    else out.includedCalls = Number(raw);
  }
  if (Object.keys(errors).length) throw new ApiError(422, problems.fieldsNeedAttention, errors);
  return out;
}

/** readPricing's problems in the reader's words. */
export function usePricingProblems(): PricingProblems {
  const t = useTranslations('marketplacePartner.pricing');
  return { badMonthlyFee: t('badMonthlyFee'), badPer1000: t('badPer1000'), badIncludedCalls: t('badIncludedCalls'), fieldsNeedAttention: t('fieldsNeedAttention') };
}

export function PricingFields({ price, errors }: { price: AppPricing; errors: Record<string, string> }) {
  const t = useTranslations('marketplacePartner.pricing');
  const [model, setModel] = useState<PricingModel>(price.pricing);
  const fee = model === 'flat' || model === 'hybrid';
  const usage = model === 'usage' || model === 'hybrid';
  return (
    <fieldset className="flex flex-col gap-3" data-testid="pricing-fields">
      <legend className="mb-1 text-sm font-semibold text-slate-900">{t('legend')}</legend>
      <p className="text-xs text-slate-500">{t('intro')}</p>
      <SelectField label={t('model')} name="pricing" value={model} onChange={(event) => setModel(event.target.value as PricingModel)} options={MODELS.map((value) => ({ value, label: t(value) }))} error={errors.pricing} />
      <div className="grid gap-4 sm:grid-cols-3">
        {fee ? <TextField label={t('monthlyFee')} name="monthlyFee" inputMode="decimal" defaultValue={dollars(price.monthlyFeeCents)} error={errors.monthlyFeeCents} /> : null}
        {model === 'hybrid' ? (
          <TextField label={t('includedCalls')} name="includedCalls" inputMode="numeric" defaultValue={price.includedCalls === null ? '' : String(price.includedCalls)} error={errors.includedCalls} />
        ) : null}
        {usage ? (
          <TextField
            label={t('per1000')}
            name="per1000Calls"
            inputMode="decimal"
            defaultValue={dollars(price.per1000CallsCents)}
            hint={model === 'hybrid' ? t('per1000HybridHint') : t('per1000Hint')}
            error={errors.per1000CallsCents}
          />
        ) : null}
      </div>
    </fieldset>
  );
}
