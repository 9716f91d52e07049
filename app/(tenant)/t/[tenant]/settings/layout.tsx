import type { ReactNode } from 'react';
import { SubNav } from '@/components/ui/sub-nav';
import { requireMember } from '@/lib/members/require-member';
import { requireTenant } from '@/lib/tenancy/current-tenant';

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  await requireMember(tenant, 'settings.manage');
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-6 py-10 md:flex-row">
      <nav aria-label="Settings" className="md:w-48 md:shrink-0">
        <SubNav
          variant="sidebar"
          items={[
            { href: '/settings', label: 'General' },
            { href: '/settings/branding', label: 'Branding' },
            { href: '/settings/domains', label: 'Custom domain' },
            { href: '/settings/members', label: 'Members' },
            { href: '/settings/directory', label: 'Directory sync' },
            { href: '/settings/sso', label: 'Single sign-on' },
            { href: '/settings/installed-apps', label: 'Installed apps', matchPrefix: true },
            { href: '/integrations', label: 'Integrations', matchPrefix: true },
            { href: '/settings/support', label: 'Support tickets', matchPrefix: true },
            { href: '/settings/marketplace', label: 'Marketplace' },
            { href: '/settings/authorized-apps', label: 'Authorized apps' },
            { href: '/settings/audit', label: 'Audit log' },
            { href: '/settings/support-access', label: 'Support access' },
            { href: '/settings/billing', label: 'Billing' },
            { href: '/settings/data', label: 'Data' },
            { href: '/developers/keys', label: 'API keys' },
            { href: '/developers/webhooks', label: 'Webhooks', matchPrefix: true },
            { href: '/developers/apps', label: 'OAuth apps', matchPrefix: true },
          ]}
        />
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
