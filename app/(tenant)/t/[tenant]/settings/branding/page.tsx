import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { UpgradeNotice } from '@/components/billing/upgrade-notice';
import { BrandingForm, type OtherLanguage } from '@/components/settings/branding-form';
import { BrandingLinksForm } from '@/components/settings/branding-links-form';
import { BrandingPreview } from '@/components/settings/branding-preview';
import { Card } from '@/components/ui/card';
import { featureLock } from '@/lib/billing/entitlements';
import { resolveLocalizedTerminology, TERM_KEYS, type TermKey, type Terminology } from '@/lib/branding/terminology';
import { tenantDb } from '@/lib/db/tenant-db';
import { LANGUAGES, type Language } from '@/lib/i18n/languages';
import { messagesFor } from '@/lib/i18n/messages';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('branding');
  return { title: t('title') };
}

/** Each word as stored, '' where the workspace keeps the default. */
function words(stored: Partial<Record<TermKey, string>> | undefined): Record<TermKey, string> {
  return Object.fromEntries(TERM_KEYS.map((key) => [key, stored?.[key] ?? ''])) as Record<TermKey, string>;
}

/** The catalog's own words in every language (messages/<language>/terms.json), without the workspace's. */
async function catalogWords(): Promise<Record<Language, Terminology>> {
  const entries = await Promise.all(LANGUAGES.map(async (language) => [language, (await messagesFor(language)).terms as Terminology] as const));
  return Object.fromEntries(entries) as Record<Language, Terminology>;
}

export default async function BrandingSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'settings.manage');
  const t = await getTranslations('branding');
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
        <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
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
        <Card title={t('linksCard.title')} description={t('linksCard.description')}>
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
  const localized = resolveLocalizedTerminology(brand?.localizedTerminology);
  const otherLanguages = LANGUAGES.filter((language): language is OtherLanguage => language !== 'en');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-slate-900">{t('title')}</h1>
      <UpgradeNotice lock={poweredByLock} />
      <Card>
        <BrandingForm
          tenantName={tenant.name}
          logoUrl={tenant.branding.logoUrl}
          faviconUrl={tenant.branding.faviconUrl}
          defaultWords={await catalogWords()}
          initial={{
            primaryColor: tenant.branding.primaryColor,
            secondaryColor: tenant.branding.secondaryColor,
            accentColor: tenant.branding.accentColor,
            customCss: brand?.customCss ?? '',
            terminology: words(terms),
            localizedTerminology: Object.fromEntries(otherLanguages.map((language) => [language, words(localized[language])])) as Record<OtherLanguage, Record<TermKey, string>>,
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
