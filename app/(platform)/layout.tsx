import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { AreaHeader, OperatorAreaHeader, PARTNER_NAV, RESELLER_NAV } from '@/components/platform/area-header';
import { PlatformHeader } from '@/components/platform/platform-header';
import { PlatformHeaderSwitch } from '@/components/platform/platform-header-switch';
import { getCurrentOperator } from '@/lib/auth/session';
import { roleLabel } from '@/lib/members/role-labels';
import { PARTNER_ROLE_LABELS } from '@/lib/partners/partner-schema';
import { getCurrentPartner } from '@/lib/partners/partner-session';
import { getCurrentReseller } from '@/lib/resellers/reseller-session';

export default async function PlatformLayout({ children }: { children: ReactNode }) {
  const [operator, reseller, partner] = await Promise.all([getCurrentOperator(), getCurrentReseller(), getCurrentPartner()]);
  const t = await getTranslations('publicPages.layout');
  // The platform's pages and consoles: every client word but the docs' (they are a workspace's).
  return (
    <ClientMessages except={['docs', 'email', 'emailLayout']}>
    <div className="flex min-h-screen flex-col">
      <PlatformHeaderSwitch
        publicHeader={<PlatformHeader />}
        operator={operator ? <OperatorAreaHeader email={operator.email} role={operator.role} /> : null}
        reseller={
          reseller ? (
            <AreaHeader
              area="Reseller"
              items={RESELLER_NAV}
              who={{ name: reseller.name, email: reseller.email, detail: t('staffOf', { organization: reseller.reseller.name, role: roleLabel(reseller.role) }) }}
              links={[{ href: '/reseller/settings', label: t('settings') }]}
              signOutUrl="/reseller/signin"
            />
          ) : null
        }
        partner={
          partner ? (
            <AreaHeader
              area="Partner"
              items={PARTNER_NAV}
              who={{ name: partner.name, email: partner.email, detail: t('staffOf', { organization: partner.partner.name, role: PARTNER_ROLE_LABELS[partner.role] }) }}
              links={[{ href: '/partner/profile', label: t('partnerProfile') }]}
              signOutUrl="/partner/signin"
            />
          ) : null
        }
      />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white py-6 text-center text-xs text-slate-500">
        <p>{t('tagline')}</p>
        <nav aria-label={t('aboutLabel')} className="mt-2 flex flex-wrap justify-center gap-x-6 gap-y-2">
          <Link href="/partners/apply" className="inline-block py-1 underline hover:text-slate-700">
            {t('becomePartner')}
          </Link>
          <Link href="/legal/subprocessors" className="inline-block py-1 underline hover:text-slate-700">
            {t('subprocessors')}
          </Link>
        </nav>
      </footer>
    </div>
    </ClientMessages>
  );
}
