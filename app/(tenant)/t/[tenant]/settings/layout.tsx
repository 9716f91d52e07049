import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { SubNav } from '@/components/ui/sub-nav';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'settings.manage');
  const t = await getTranslations('settings');
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-6 py-10 md:flex-row">
      <nav aria-label={t('navLabel')} className="md:w-48 md:shrink-0">
        <SubNav
          variant="sidebar"
          items={[
            { href: '/settings', label: t('nav.general') },
            { href: '/settings/branding', label: t('nav.branding') },
            { href: '/settings/domains', label: t('nav.domains') },
            { href: '/settings/members', label: t('nav.members') },
            { href: '/settings/directory', label: t('nav.directory') },
            { href: '/settings/sso', label: t('nav.sso') },
            { href: '/settings/installed-apps', label: t('nav.installedApps'), matchPrefix: true },
            { href: '/integrations', label: t('nav.integrations'), matchPrefix: true },
            { href: '/settings/support', label: t('nav.supportTickets'), matchPrefix: true },
            { href: '/settings/marketplace', label: t('nav.marketplace') },
            { href: '/settings/coach', label: t('nav.coach') },
            { href: '/settings/authorized-apps', label: t('nav.authorizedApps') },
            { href: '/settings/audit', label: t('nav.audit') },
            { href: '/settings/support-access', label: t('nav.supportAccess') },
            { href: '/settings/billing', label: t('nav.billing') },
            { href: '/settings/data', label: t('nav.data') },
            { href: '/developers/keys', label: t('nav.apiKeys') },
            { href: '/developers/webhooks', label: t('nav.webhooks'), matchPrefix: true },
            { href: '/developers/apps', label: t('nav.oauthApps'), matchPrefix: true },
          ]}
        />
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
