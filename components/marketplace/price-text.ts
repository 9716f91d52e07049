import type { Formatter } from '@/lib/format/formatter';
import type { AppPricing } from '@/lib/marketplace/pricing';

// An app's price in the reader's words and number format: "Free", "$12.00 / month", "$0.50
// per 1,000 API calls", "$20.00 / month, 10,000 calls included, then $0.40 per 1,000" (the
// marketplace catalog's pricing.*). describePricing() keeps the English one for the API.

export type PriceWords = (key: 'pricing.free' | 'pricing.flat' | 'pricing.usage' | 'pricing.hybrid', values?: Record<string, string>) => string;

export function priceText(words: PriceWords, pricing: AppPricing, format: Pick<Formatter, 'money' | 'number'>): string {
  const money = (value: number | null) => format.money(value ?? 0, pricing.priceCurrency);
  const block = format.number(1000);
  switch (pricing.pricing) {
    case 'free':
      return words('pricing.free');
    case 'flat':
      return words('pricing.flat', { fee: money(pricing.monthlyFeeCents) });
    case 'usage':
      return words('pricing.usage', { price: money(pricing.per1000CallsCents), block });
    case 'hybrid':
      return words('pricing.hybrid', { fee: money(pricing.monthlyFeeCents), calls: format.number(pricing.includedCalls ?? 0), price: money(pricing.per1000CallsCents), block });
  }
}
