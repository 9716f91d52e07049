import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AppGrid } from '@/components/marketplace/app-card';
import { PageHeader } from '@/components/ui/page-header';
import type { AppCard } from '@/lib/marketplace/discovery';
import { firstPartyCards } from '@/lib/marketplace/first-party-apps';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('integrations');
  return { title: t('title') };
}

function Section({ id, title, description, apps }: { id: string; title: string; description: string; apps: AppCard[] }) {
  if (apps.length === 0) return null;
  const headingId = `integrations-${id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p className="text-sm text-slate-600">{description}</p>
      </div>
      <AppGrid apps={apps} label={title} />
    </section>
  );
}

/** The built-in integrations: installed here, available to install, and not configured on this installation. */
export default async function IntegrationsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant);
  const t = await getTranslations('integrations');
  const cards = await firstPartyCards(tenant.id);
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-8 sm:px-6">
      <PageHeader title={t('title')} description={t('description', { workspace: tenant.name })} />
      <Section id="installed" title={t('sections.installed')} description={t('sections.installedDescription')} apps={cards.filter((card) => card.installed)} />
      <Section id="available" title={t('sections.available')} description={t('sections.availableDescription')} apps={cards.filter((card) => !card.installed && card.builtIn?.configured)} />
      <Section id="not-configured" title={t('sections.notConfigured')} description={t('sections.notConfiguredDescription')} apps={cards.filter((card) => !card.installed && !card.builtIn?.configured)} />
    </div>
  );
}
