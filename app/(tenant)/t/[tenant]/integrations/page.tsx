import type { Metadata } from 'next';
import { AppGrid } from '@/components/marketplace/app-card';
import { PageHeader } from '@/components/ui/page-header';
import type { AppCard } from '@/lib/marketplace/discovery';
import { firstPartyCards } from '@/lib/marketplace/first-party-apps';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export const metadata: Metadata = { title: 'Integrations' };

function Section({ title, description, apps }: { title: string; description: string; apps: AppCard[] }) {
  if (apps.length === 0) return null;
  const id = `integrations-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <div>
        <h2 id={id} className="text-lg font-semibold text-slate-900">
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
  const cards = await firstPartyCards(tenant.id);
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-8 sm:px-6">
      <PageHeader title="Integrations" description={`Calendars and chat tools that work with ${tenant.name}. Admins install them; each member connects their own calendar.`} />
      <Section title="Installed" description="In use in this workspace. Open one to connect your account or see how it is doing." apps={cards.filter((card) => card.installed)} />
      <Section title="Available" description="Ready to install; an admin turns them on for everyone." apps={cards.filter((card) => !card.installed && card.builtIn?.configured)} />
      <Section title="Not configured" description="This installation does not have the provider’s credentials yet. Each page says what to set." apps={cards.filter((card) => !card.installed && !card.builtIn?.configured)} />
    </div>
  );
}
