import { validationFailed } from '../http/problem.ts';
import { FREE_PRICING, monthlyCostCents, PRICING_MODELS, pricingSchema, type AppPricing, type PricingModel } from './pricing.ts';

// The price fields of an AppVersion as the rest of the marketplace reads and writes them. The
// version PATCH carries them at the top level (pricing, monthlyFeeCents, …) so field errors name
// the form's fields; they are validated together by pricingSchema (a model with its amounts).

export const PRICE_SELECT = { pricing: true, priceCurrency: true, monthlyFeeCents: true, per1000CallsCents: true, includedCalls: true } as const;

export const PRICE_KEYS = ['pricing', 'priceCurrency', 'monthlyFeeCents', 'per1000CallsCents', 'includedCalls'] as const;

export interface PriceRow {
  pricing: string;
  priceCurrency: string;
  monthlyFeeCents: number | null;
  per1000CallsCents: number | null;
  includedCalls: number | null;
}

/** The row's price; an unknown model (never written by this code) reads as free rather than charging. */
export function pricingOf(row: PriceRow): AppPricing {
  if (!(PRICING_MODELS as readonly string[]).includes(row.pricing)) return FREE_PRICING;
  return { pricing: row.pricing as PricingModel, priceCurrency: row.priceCurrency, monthlyFeeCents: row.monthlyFeeCents, per1000CallsCents: row.per1000CallsCents, includedCalls: row.includedCalls };
}

/**
 * Splits a version update into its price (validated as a whole, or null when no price field was
 * sent) and the other fields. Amounts without a model are refused: the model says which apply.
 */
export function splitPriceInput(input: unknown): { rest: unknown; price: AppPricing | null } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { rest: input, price: null };
  const rest: Record<string, unknown> = {};
  const priceInput: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if ((PRICE_KEYS as readonly string[]).includes(key)) priceInput[key] = value;
    else rest[key] = value;
  }
  if (Object.keys(priceInput).length === 0) return { rest, price: null };
  if (priceInput.pricing === undefined) throw validationFailed({ pricing: 'Send the pricing model (free, flat, usage or hybrid) with its amounts.' });
  const parsed = pricingSchema.safeParse(priceInput);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'pricing'] ??= issue.message;
    throw validationFailed(fields);
  }
  return { rest, price: parsed.data };
}

/** An example month for usage and hybrid prices (the consent page shows it): 10,000 calls beyond what the fee includes. */
export function priceExample(pricing: AppPricing): { calls: number; cents: number } | null {
  if (pricing.pricing !== 'usage' && pricing.pricing !== 'hybrid') return null;
  const calls = (pricing.includedCalls ?? 0) + 10_000;
  return { calls, cents: monthlyCostCents(pricing, calls) };
}
