import type { Metadata } from 'next';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { ApiKeysPanel } from '@/components/developers/api-keys-panel';
import { TIERS } from '@/lib/api-keys/api-key-schema';
import { listApiKeys } from '@/lib/api-keys/api-keys';
import { SCOPE_DESCRIPTIONS, SCOPES_FOR_ROLE } from '@/lib/api-keys/scopes';
import { planLimits } from '@/lib/api-keys/tiers';
import { featureLock } from '@/lib/billing/entitlements';
import { getFormatter } from '@/lib/format/server';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { TIER_LIMITS } from '@/lib/ratelimit/tiers';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  // The form offers only what the service would accept: the scopes of the viewer's role and
  // the tiers up to the plan's cap.
  const scopes = SCOPES_FOR_ROLE[member.role].map((scope) => ({ scope, description: SCOPE_DESCRIPTIONS[scope] }));
  const [{ maxTier }, apiLock] = await Promise.all([planLimits(tenant), featureLock(tenant, 'api')]);
  const fmt = await getFormatter(tenant);
  const tiers = TIERS.slice(0, TIERS.indexOf(maxTier) + 1).map((tier) => ({
    value: tier,
    label: `${tier[0].toUpperCase()}${tier.slice(1)} (${fmt.number(TIER_LIMITS[tier].perHour)} requests an hour)`,
  }));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">API keys</h1>
        <p className="mt-1 text-sm text-slate-600">Keys let your own software call the {tenant.name} API. Treat them like passwords.</p>
      </div>
      <UpgradeNotice lock={apiLock} />
      <ApiKeysPanel
        initial={await listApiKeys(tenant, member)}
        scopes={scopes}
        tiers={tiers}
        minExpiry={new Date().toISOString().slice(0, 10)}
        managesAll={can(member.role, 'integrations.manage')}
        locked={apiLock !== null}
      />
    </div>
  );
}
