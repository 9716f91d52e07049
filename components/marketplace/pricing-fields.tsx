'use client';

import { useState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/http/api-client';
import type { AppPricing, PricingModel } from '@/lib/marketplace/pricing';
import { parseDollars } from '@/lib/resellers/money';

// The Pricing section of the partner's version form. Amounts are typed in dollars and sent in
// integer cents (parseDollars: exact, no floating point); the server validates the model and
// its amounts with pricingSchema. Only the fields the chosen model uses are shown and sent.

const MODELS: { value: PricingModel; label: string }[] = [
  { value: 'free', label: 'Free' },
  { value: 'flat', label: 'Flat monthly fee' },
  { value: 'usage', label: 'Usage: price per 1,000 API calls' },
  { value: 'hybrid', label: 'Hybrid: monthly fee with included calls, usage above' },
];

const dollars = (cents: number | null) => (cents === null ? '' : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);

/** The form's price as the version PATCH takes it; a bad amount is an ApiError on its field (shown like the server's). */
export function readPricing(data: FormData): Pick<AppPricing, 'pricing'> & Partial<AppPricing> {
  const model = String(data.get('pricing') ?? 'free') as PricingModel;
  const out: Pick<AppPricing, 'pricing'> & Partial<AppPricing> = { pricing: model };
  const errors: Record<string, string> = {};
  const amount = (field: 'monthlyFeeCents' | 'per1000CallsCents', input: string, label: string) => {
    const cents = parseDollars(String(data.get(input) ?? ''));
    if (cents === null) errors[field] = `${label}: enter dollars and cents, e.g. 12.50.`;
    else out[field] = cents;
  };
  if (model === 'flat' || model === 'hybrid') amount('monthlyFeeCents', 'monthlyFee', 'Monthly fee');
  if (model === 'usage' || model === 'hybrid') amount('per1000CallsCents', 'per1000Calls', 'Price per 1,000 calls');
  if (model === 'hybrid') {
    const raw = String(data.get('includedCalls') ?? '').replace(/,/g, '').trim();
    if (!/^\d{1,9}$/.test(raw)) errors.includedCalls = 'Included calls: enter a whole number, e.g. 10000.';
    else out.includedCalls = Number(raw);
  }
  if (Object.keys(errors).length) throw new ApiError(422, 'Some fields need attention.', errors);
  return out;
}

export function PricingFields({ price, errors }: { price: AppPricing; errors: Record<string, string> }) {
  const [model, setModel] = useState<PricingModel>(price.pricing);
  const fee = model === 'flat' || model === 'hybrid';
  const usage = model === 'usage' || model === 'hybrid';
  return (
    <fieldset className="flex flex-col gap-3" data-testid="pricing-fields">
      <legend className="mb-1 text-sm font-semibold text-slate-900">Pricing</legend>
      <p className="text-xs text-slate-500">
        In US dollars. Workspaces are billed on their own subscription; a new price applies to installs of the version that has it. Paid apps need a support URL and terms of service.
      </p>
      <SelectField label="Pricing model" name="pricing" value={model} onChange={(event) => setModel(event.target.value as PricingModel)} options={MODELS} error={errors.pricing} />
      <div className="grid gap-4 sm:grid-cols-3">
        {fee ? <TextField label="Monthly fee ($)" name="monthlyFee" inputMode="decimal" defaultValue={dollars(price.monthlyFeeCents)} error={errors.monthlyFeeCents} /> : null}
        {model === 'hybrid' ? (
          <TextField label="Calls included a month" name="includedCalls" inputMode="numeric" defaultValue={price.includedCalls === null ? '' : String(price.includedCalls)} error={errors.includedCalls} />
        ) : null}
        {usage ? (
          <TextField
            label="Price per 1,000 calls ($)"
            name="per1000Calls"
            inputMode="decimal"
            defaultValue={dollars(price.per1000CallsCents)}
            hint={model === 'hybrid' ? 'Billed per started 1,000 calls above the included ones.' : 'Billed per started 1,000 calls the app makes.'}
            error={errors.per1000CallsCents}
          />
        ) : null}
      </div>
    </fieldset>
  );
}
