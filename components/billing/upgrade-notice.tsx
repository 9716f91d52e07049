import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { FeatureLock } from '@/lib/billing/entitlements';
import { FEATURE_INFO } from '@/lib/billing/plan-catalog';

/**
 * Shown where a feature the workspace's plan lacks would be: what it is, which plan unlocks it,
 * and the way to the billing page. Pass the lock from featureLock(); nothing renders without one.
 */
export async function UpgradeNotice({ lock, className = '' }: { lock: FeatureLock | null; className?: string }) {
  if (!lock) return null;
  const t = await getTranslations('billing');
  const feature = t(`features.${lock.feature}.label`);
  // The label's grammatical number in English picks the sentence ("API keys are…", "Webhooks are…").
  const number = FEATURE_INFO[lock.feature].plural ? 'many' : 'one';
  const message = lock.requiredPlan
    ? t(`lock.upgrade.${number}.${lock.orAbove ? 'orAbove' : 'only'}`, { feature, current: lock.currentPlan, required: lock.requiredPlan })
    : t(`lock.nowhere.${number}`, { feature });
  return (
    <section aria-label={t('lock.ariaLabel', { feature })} data-testid={`upgrade-notice-${lock.feature}`} className={`rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900 ${className}`}>
      <p className="font-semibold">{lock.requiredPlan ? t('lock.availableOn', { plan: lock.requiredPlan }) : t('lock.notAvailable')}</p>
      <p className="mt-1">{message}</p>
      <p className="mt-1 text-amber-800">{t('lock.description', { description: t(`features.${lock.feature}.description`) })}</p>
      <Link href="/settings/billing" className="mt-3 inline-block font-semibold text-amber-900 underline">
        {t('lock.seePlans')}
      </Link>
    </section>
  );
}
