import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Member } from '@/lib/auth/session';
import { trialOf } from '@/lib/billing/trial-state';
import { can } from '@/lib/members/permissions';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

/**
 * A quiet line under the header while the workspace is in its trial, for the people who can
 * act on it (admins see the billing page; owners choose the plan). Nothing for anyone else.
 */
export async function TrialBanner({ tenant, member }: { tenant: TenantContext; member: Member | null }) {
  if (!member || !can(member.role, 'settings.manage')) return null;
  const trial = await trialOf(tenant);
  if (!trial) return null;
  const t = await getTranslations('billing.trialBanner');
  return (
    <div data-testid="trial-banner" className="border-b border-slate-200 bg-slate-50">
      <p className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm sm:px-6 text-slate-700">
        <span>
          {t.rich('trial', { plan: trial.planName, days: trial.daysLeft, strong: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span> })}
        </span>
        <Link href="/settings/billing" className="font-semibold text-brand-text underline">
          {can(member.role, 'billing.manage') ? t('choosePlan') : t('seeBilling')}
        </Link>
      </p>
    </div>
  );
}
