import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import type { Member } from '@/lib/auth/session';
import { term } from '@/lib/branding/terminology';
import { can } from '@/lib/members/permissions';
import type { TenantContext } from '@/lib/tenancy/tenant-context';
import { TenantNav, type NavItem } from './tenant-nav';

function navFor(tenant: TenantContext, member: Member): NavItem[] {
  const t = tenant.branding.terminology;
  const items: NavItem[] = [
    { href: '/', label: 'Dashboard' },
    { href: '/goals', label: term(t, 'goals', true) },
    { href: '/habits', label: term(t, 'habits', true) },
    { href: '/teams', label: term(t, 'teams', true) },
    { href: '/developers', label: 'Developers' },
  ];
  if (can(member.role, 'settings.manage')) items.push({ href: '/settings', label: 'Settings' });
  return items;
}

export function TenantHeader({ tenant, member }: { tenant: TenantContext; member: Member | null }) {
  return (
    <header className="bg-brand-secondary text-brand-secondary-fg">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-6 py-3">
        <Link href="/" className="flex items-center gap-3 text-lg font-bold">
          {tenant.branding.logoUrl ? <img src={tenant.branding.logoUrl} alt="" height={32} className="h-8 w-auto" data-testid="tenant-logo" /> : null}
          <span data-testid="tenant-name">{tenant.name}</span>
        </Link>
        {member ? (
          <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
            <TenantNav items={navFor(tenant, member)} />
          </nav>
        ) : null}
        {member ? (
          <div className="flex items-center gap-3 text-sm">
            <Link href="/account" data-testid="signed-in-as" title="Your account" className="underline-offset-4 hover:underline">
              {member.name ?? member.email}
            </Link>
            <div className="rounded-md bg-white">
              <SignOutButton />
            </div>
          </div>
        ) : (
          <Link href="/signin" className="rounded-md bg-brand px-3 py-2 text-sm font-semibold text-brand-fg">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
