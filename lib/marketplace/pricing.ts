import { z } from 'zod';
import { createFormatter } from '../format/formatter.ts';

// An app version's price (AppVersion.pricing and its amount fields). Four models:
//   free      nothing to pay;
//   flat      a monthly fee;
//   usage     a price per 1,000 API calls the app makes in the workspace (metered from the
//             request log, billed per started block of 1,000);
//   hybrid    a monthly fee that includes `includedCalls` calls, usage priced above it.
// Amounts are integers in the currency's minor unit (cents). Installations pay what the
// version they consented to says; a new price is a new version, reviewed like any change.

export const PRICING_MODELS = ['free', 'flat', 'usage', 'hybrid'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

/** Currencies an app may be priced in: those the platform bills workspaces in. */
export const APP_CURRENCIES = ['usd'] as const;

/** $10,000 a month, or per 1,000 calls: far above any real app, well inside an Int. */
export const MAX_PRICE_CENTS = 1_000_000;
export const MAX_INCLUDED_CALLS = 100_000_000;

export interface AppPricing {
  pricing: PricingModel;
  priceCurrency: string;
  monthlyFeeCents: number | null;
  per1000CallsCents: number | null;
  includedCalls: number | null;
}

export const FREE_PRICING: AppPricing = { pricing: 'free', priceCurrency: 'usd', monthlyFeeCents: null, per1000CallsCents: null, includedCalls: null };

const cents = (label: string) =>
  z
    .number({ message: `${label}: enter an amount.` })
    .int(`${label}: use a whole number of cents.`)
    .min(1, `${label}: use at least 1 cent.`)
    .max(MAX_PRICE_CENTS, `${label}: at most ${MAX_PRICE_CENTS} cents.`);

/**
 * The pricing part of a version form: the fields the model needs, and no others (a fee on a
 * usage price is refused, not ignored).
 */
export const pricingSchema = z
  .object({
    pricing: z.enum(PRICING_MODELS, { message: 'Choose free, flat fee, usage based or hybrid.' }),
    priceCurrency: z.enum(APP_CURRENCIES, { message: `Price apps in ${APP_CURRENCIES.join(', ').toUpperCase()}.` }).default('usd'),
    monthlyFeeCents: cents('Monthly fee').nullish(),
    per1000CallsCents: cents('Price per 1,000 calls').nullish(),
    includedCalls: z.number().int('Included calls: use a whole number.').min(0).max(MAX_INCLUDED_CALLS).nullish(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const needs = {
      monthlyFeeCents: value.pricing === 'flat' || value.pricing === 'hybrid',
      per1000CallsCents: value.pricing === 'usage' || value.pricing === 'hybrid',
      includedCalls: value.pricing === 'hybrid',
    };
    for (const [field, needed] of Object.entries(needs) as [keyof typeof needs, boolean][]) {
      const present = value[field] !== null && value[field] !== undefined;
      if (needed && !present) ctx.addIssue({ code: 'custom', path: [field], message: `A ${value.pricing} price needs this.` });
      if (!needed && present) ctx.addIssue({ code: 'custom', path: [field], message: `A ${value.pricing} price has no such amount.` });
    }
  })
  .transform(
    (value): AppPricing => ({
      pricing: value.pricing,
      priceCurrency: value.priceCurrency,
      monthlyFeeCents: value.monthlyFeeCents ?? null,
      per1000CallsCents: value.per1000CallsCents ?? null,
      includedCalls: value.pricing === 'hybrid' ? (value.includedCalls ?? 0) : null,
    }),
  );

export function isPaid(pricing: Pick<AppPricing, 'pricing'>): boolean {
  return pricing.pricing !== 'free';
}

export function hasUsage(pricing: Pick<AppPricing, 'pricing'>): boolean {
  return pricing.pricing === 'usage' || pricing.pricing === 'hybrid';
}

export function hasFee(pricing: Pick<AppPricing, 'pricing'>): boolean {
  return pricing.pricing === 'flat' || pricing.pricing === 'hybrid';
}

/** Calls billed for a month: those above the included amount, in started blocks of 1,000. */
export function billedCallBlocks(pricing: AppPricing, calls: number): number {
  if (!hasUsage(pricing)) return 0;
  const above = Math.max(0, calls - (pricing.includedCalls ?? 0));
  return Math.ceil(above / 1000);
}

/** What a month with `calls` calls costs, in cents (the estimate shown to admins; Stripe's invoice is the bill). */
export function monthlyCostCents(pricing: AppPricing, calls: number): number {
  return (hasFee(pricing) ? (pricing.monthlyFeeCents ?? 0) : 0) + billedCallBlocks(pricing, calls) * (pricing.per1000CallsCents ?? 0);
}

const platformFormat = createFormatter();

/** "Free", "$12.00 / month", "$0.50 per 1,000 API calls", "$20.00 / month, 10,000 calls included, then $0.40 per 1,000". */
export function describePricing(pricing: AppPricing, format = platformFormat): string {
  const money = (value: number | null) => format.money(value ?? 0, pricing.priceCurrency);
  switch (pricing.pricing) {
    case 'free':
      return 'Free';
    case 'flat':
      return `${money(pricing.monthlyFeeCents)} / month`;
    case 'usage':
      return `${money(pricing.per1000CallsCents)} per 1,000 API calls`;
    case 'hybrid':
      return `${money(pricing.monthlyFeeCents)} / month, ${format.number(pricing.includedCalls ?? 0)} calls included, then ${money(pricing.per1000CallsCents)} per 1,000`;
  }
}

/** The usage meter of an app's calls in a workspace (UsagePeriod.metric): counted from the request log. */
export function appCallsMetric(appId: string): string {
  return `app_calls:${appId}`;
}
