import Link from 'next/link';
import type { Member } from '@/lib/auth/session';
import { trialOf } from '@/lib/billing/trial-state';
import { getFormatter } from '@/lib/format/server';
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
  const fmt = await getFormatter(tenant);
  const left = `${fmt.plural(trial.daysLeft, { one: 'day', other: 'days' })} left`;
  return (
    <div data-testid="trial-banner" className="border-b border-slate-200 bg-slate-50">
      <p className="mx-auto flex w-full max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm sm:px-6 text-slate-700">
        <span>
          <span className="font-semibold text-slate-900">{trial.planName} trial</span>: {left}
        </span>
        <Link href="/settings/billing" className="font-semibold text-brand-text underline">
          {can(member.role, 'billing.manage') ? 'Choose a plan' : 'See billing'}
        </Link>
      </p>
    </div>
  );
}
