import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SubNav } from '@/components/ui/sub-nav';

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('account.layout');
  return (
    <div className="page flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t('title')}</h1>
      </div>
      <nav aria-label={t('navLabel')}>
        <SubNav
          variant="tabs"
          items={[
            { href: '/account', label: t('profile') },
            { href: '/account/security', label: t('security') },
            { href: '/account/notifications', label: t('notifications') },
            { href: '/account/privacy', label: t('privacy') },
          ]}
        />
      </nav>
      <div className="flex max-w-3xl flex-col gap-6">{children}</div>
    </div>
  );
}
