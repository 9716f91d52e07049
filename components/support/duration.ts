import { useTranslations } from 'next-intl';
import { durationParts } from '@/lib/support/ticket-targets';

/** Words a span the way lib/support/ticket-targets.ts measures it ("2 h 10 min", "under 1 min"), in the page's language. */
export function useDuration(): (ms: number) => string {
  const t = useTranslations('support.duration');
  return (ms) => {
    const { days, hours, minutes } = durationParts(ms);
    if (days) return hours ? t('daysHours', { days, hours }) : t('days', { days });
    if (hours) return minutes ? t('hoursMinutes', { hours, minutes }) : t('hours', { hours });
    return minutes ? t('minutes', { minutes }) : t('underOneMinute');
  };
}
