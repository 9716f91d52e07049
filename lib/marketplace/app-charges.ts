import { currentPeriod } from '../billing/usage.ts';
import { db } from '../db/client.ts';
import { describePricing, isPaid, monthlyCostCents, appCallsMetric, type AppPricing } from './pricing.ts';
import { pricingOf, PRICE_SELECT } from './version-pricing.ts';

// What the workspace's paid apps cost this billing period: for each active installation of a
// paid version, its price, the calls the app made so far (UsagePeriod app_calls:<appId>) and
// the estimate monthlyCostCents gives (Stripe's invoice, or the operator, is the bill). Shown on
// /settings/installed-apps and, as add-ons, on /settings/billing.

export interface AppCharge {
  installationId: string;
  appId: string;
  appSlug: string;
  appName: string;
  pricing: AppPricing;
  label: string;
  billedVia: string | null;
  periodStart: string;
  periodEnd: string;
  calls: number;
  estimatedCents: number;
}

export async function paidAppCharges(tenantId: string, at = new Date()): Promise<AppCharge[]> {
  const installs = await db.appInstallation.findMany({
    where: { tenantId, uninstalledAt: null },
    orderBy: { installedAt: 'asc' },
    select: { id: true, appId: true, billedVia: true, app: { select: { slug: true } }, versionId: true },
  });
  if (installs.length === 0) return [];
  const versions = await db.appVersion.findMany({ where: { id: { in: installs.map((i) => i.versionId) } }, select: { id: true, name: true, ...PRICE_SELECT } });
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  const paid = installs.flatMap((install) => {
    const version = versionOf.get(install.versionId);
    const pricing = version ? pricingOf(version) : null;
    // A sandbox install of the partner's own paid app is not billed (billedVia null): no charge shown.
    return version && pricing && isPaid(pricing) && install.billedVia ? [{ install, version, pricing }] : [];
  });
  if (paid.length === 0) return [];
  const period = await currentPeriod(tenantId, at);
  const usage = await db.usagePeriod.findMany({ where: { tenantId, periodStart: period.start, metric: { in: paid.map((p) => appCallsMetric(p.install.appId)) } }, select: { metric: true, value: true } });
  const callsOf = new Map(usage.map((u) => [u.metric, u.value]));
  return paid.map(({ install, version, pricing }) => {
    const calls = callsOf.get(appCallsMetric(install.appId)) ?? 0;
    return {
      installationId: install.id,
      appId: install.appId,
      appSlug: install.app.slug,
      appName: version.name,
      pricing,
      label: describePricing(pricing),
      billedVia: install.billedVia,
      periodStart: period.start.toISOString(),
      periodEnd: period.end.toISOString(),
      calls,
      estimatedCents: monthlyCostCents(pricing, calls),
    };
  });
}
