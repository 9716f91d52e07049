'use client';

import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/format/format-context';
import type { AppPricing } from '@/lib/marketplace/pricing';
import { priceText } from './price-text';

/** An app's price as a leaf: the reader's words and number format, in server and client trees alike. */
export function PriceLabel({ pricing }: { pricing: AppPricing }) {
  const t = useTranslations('marketplace');
  const format = useFormat();
  return <>{priceText(t, pricing, format)}</>;
}
