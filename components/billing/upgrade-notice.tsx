import Link from 'next/link';
import type { FeatureLock } from '@/lib/billing/entitlements';

/**
 * Shown where a feature the workspace's plan lacks would be: what it is, which plan unlocks it,
 * and the way to the billing page. Pass the lock from featureLock(); nothing renders without one.
 */
export function UpgradeNotice({ lock, className = '' }: { lock: FeatureLock | null; className?: string }) {
  if (!lock) return null;
  return (
    <section
      aria-label={`${lock.label}: upgrade required`}
      data-testid={`upgrade-notice-${lock.feature}`}
      className={`rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900 ${className}`}
    >
      <p className="font-semibold">{lock.requiredPlan ? `Available on the ${lock.requiredPlan} plan` : 'Not available'}</p>
      <p className="mt-1">{lock.message}</p>
      <p className="mt-1 text-amber-800">{lock.description}.</p>
      <Link href="/settings/billing" className="mt-3 inline-block font-semibold text-amber-900 underline">
        See plans and upgrade
      </Link>
    </section>
  );
}
