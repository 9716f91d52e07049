import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { ApiKeysPanel } from '@/components/developers/api-keys-panel';
import { API_KEY_SCOPE_KEYS } from '@/components/oauth/scope-words';
import { TIERS } from '@/lib/api-keys/api-key-schema';
import { listApiKeys } from '@/lib/api-keys/api-keys';
import { SCOPES_FOR_ROLE } from '@/lib/api-keys/scopes';
import { planLimits } from '@/lib/api-keys/tiers';
import { featureLock } from '@/lib/billing/entitlements';
import { getFormatter } from '@/lib/format/server';
import { can } from '@/lib/members/permissions';
import { requireMember } from '@/lib/members/require-member';
import { TIER_LIMITS } from '@/lib/ratelimit/tiers';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiKeys');
  return { title: t('metaTitle') };
}

export default async function ApiKeysPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await requireMember(tenant);
  const t = await getTranslations('apiKeys');
  // The form offers only what the service would accept: the scopes of the viewer's role and
  // the tiers up to the plan's cap.
  const scopes = SCOPES_FOR_ROLE[member.role].map((scope) => ({ scope, description: t(`scopes.${API_KEY_SCOPE_KEYS[scope]}`) }));
  const [{ maxTier }, apiLock] = await Promise.all([planLimits(tenant), featureLock(tenant, 'api')]);
  const fmt = await getFormatter(tenant);
  const tiers = TIERS.slice(0, TIERS.indexOf(maxTier) + 1).map((tier) => ({
    value: tier,
    label: t('tierOption', { tier: t(`tiers.${tier}`), count: TIER_LIMITS[tier].perHour, perHour: fmt.number(TIER_LIMITS[tier].perHour) }),
  }));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro', { workspaceName: tenant.name })}</p>
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
