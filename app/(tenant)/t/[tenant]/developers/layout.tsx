import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SubNav } from '@/components/ui/sub-nav';
import { getCurrentMember } from '@/lib/auth/session';
import { can } from '@/lib/members/permissions';
import { requireTenant } from '@/lib/tenancy/current-tenant';

// The docs are public; the overview and the keys need a member, webhooks an admin (each page
// checks). Visitors who are not signed in see only the docs, so the section's navigation is
// for members, and Webhooks and OAuth apps show only to those who may manage them.
export default async function DevelopersLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await getCurrentMember(tenant);
  const t = await getTranslations('developers.nav');
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-6 py-10">
      {member ? (
        <nav aria-label={t('label')}>
          <SubNav
            variant="tabs"
            items={[
              { href: '/developers', label: t('overview') },
              { href: '/developers/keys', label: t('apiKeys') },
              ...(can(member.role, 'integrations.manage')
                ? [
                    { href: '/developers/webhooks', label: t('webhooks'), matchPrefix: true },
                    { href: '/developers/apps', label: t('oauthApps'), matchPrefix: true },
                  ]
                : []),
              { href: '/developers/docs', label: t('docs') },
            ]}
          />
        </nav>
      ) : null}
      {children}
    </div>
  );
}
