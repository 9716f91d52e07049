import type { Metadata } from 'next';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { BrandingForm } from '@/components/settings/branding-form';
import { BrandingLinksForm } from '@/components/settings/branding-links-form';
import { BrandingPreview } from '@/components/settings/branding-preview';
import { Card } from '@/components/ui/card';
import { featureLock } from '@/lib/billing/entitlements';
import { tenantDb } from '@/lib/db/tenant-db';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Branding' };

export default async function BrandingSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'settings.manage');
  // The stored values (the cached tenant context holds defaults merged in).
  const [stored, brandingLock, poweredByLock] = await Promise.all([
    tenantDb(tenant.id).branding.findUnique({ where: { tenantId: tenant.id } }),
    featureLock(tenant, 'custom_branding'),
    featureLock(tenant, 'hide_powered_by'),
  ]);
  if (brandingLock) {
    // The plan lacks custom branding (e.g. after a trial): the saved brand, read-only, with the
    // one way to get it back; the links every plan includes stay editable.
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold text-slate-900">Branding</h1>
        <UpgradeNotice lock={brandingLock} />
        <Card>
          <BrandingPreview
            tenantName={tenant.name}
            brand={
              stored
                ? {
                    primaryColor: stored.primaryColor,
                    secondaryColor: stored.secondaryColor,
                    accentColor: stored.accentColor,
                    logoUrl: stored.logoUrl,
                    emailFromName: stored.emailFromName,
                    terminology: (stored.terminology ?? {}) as Record<string, string>,
                    customCss: Boolean(stored.customCss),
                  }
                : null
            }
          />
        </Card>
        <Card title="Support and legal links" description="Shown in the footer and in emails, on every plan.">
          <BrandingLinksForm
            initial={{ supportEmail: stored?.supportEmail ?? '', termsUrl: stored?.termsUrl ?? '', privacyUrl: stored?.privacyUrl ?? '' }}
            served={{ primaryColor: tenant.branding.primaryColor, secondaryColor: tenant.branding.secondaryColor, accentColor: tenant.branding.accentColor }}
          />
        </Card>
      </div>
    );
  }
  const brand = stored;
  const terms = (brand?.terminology ?? {}) as Record<string, string>;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">Branding</h1>
      <UpgradeNotice lock={poweredByLock} />
      <Card>
        <BrandingForm
          tenantName={tenant.name}
          logoUrl={tenant.branding.logoUrl}
          faviconUrl={tenant.branding.faviconUrl}
          initial={{
            primaryColor: tenant.branding.primaryColor,
            secondaryColor: tenant.branding.secondaryColor,
            accentColor: tenant.branding.accentColor,
            customCss: brand?.customCss ?? '',
            terminology: { goal: terms.goal ?? '', goals: terms.goals ?? '', habit: terms.habit ?? '', habits: terms.habits ?? '', team: terms.team ?? '', teams: terms.teams ?? '', apps: terms.apps ?? '' },
            emailFromName: brand?.emailFromName ?? '',
            supportEmail: stored?.supportEmail ?? '',
            termsUrl: stored?.termsUrl ?? '',
            privacyUrl: stored?.privacyUrl ?? '',
            hidePoweredBy: tenant.branding.hidePoweredBy,
          }}
        />
      </Card>
    </div>
  );
}
