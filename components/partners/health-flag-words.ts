import { getLocale, getTranslations } from 'next-intl/server';
import { createFormatter } from '@/lib/format/formatter';
import type { HealthFlagView } from '@/lib/partners/app-health-views';
import { rateText } from '@/lib/resellers/money';

/**
 * A health flag in plain words, in the page's language: a short title and a sentence with the
 * measured rate and the threshold (lib/partners/app-health-views.ts describes it for emails),
 * and the formatter its dates are shown with (UTC: platform pages have no zone).
 */
export async function healthFlagWords() {
  const [t, locale] = await Promise.all([getTranslations('partnerApps.health'), getLocale()]);
  const fmt = createFormatter({ locale, timeZone: 'UTC' });
  const describe = (flag: Pick<HealthFlagView, 'kind' | 'valueBps' | 'thresholdBps'>) => {
    const values = { value: rateText(fmt, flag.valueBps), threshold: rateText(fmt, flag.thresholdBps) };
    return flag.kind === 'webhook_failure_rate'
      ? { title: t('webhookTitle'), detail: t('webhookDetail', values) }
      : { title: t('apiTitle'), detail: t('apiDetail', values) };
  };
  return { t, fmt, describe };
}
