import type { ReactNode } from 'react';
import { SubNav } from '@/components/ui/sub-nav';

export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <div className="page flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your account</h1>
      </div>
      <nav aria-label="Account">
        <SubNav
          variant="tabs"
          items={[
            { href: '/account', label: 'Profile' },
            { href: '/account/security', label: 'Security' },
            { href: '/account/notifications', label: 'Notifications' },
            { href: '/account/privacy', label: 'Privacy' },
          ]}
        />
      </nav>
      <div className="flex max-w-3xl flex-col gap-6">{children}</div>
    </div>
  );
}
