import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { DesktopNav, MobileNav, type NavItem } from '@/components/shell/main-nav';
import { ACCOUNT_LINKS, UserMenu } from '@/components/shell/user-menu';
import type { Member } from '@/lib/auth/session';
import { can } from '@/lib/members/permissions';
import type { TenantContext } from '@/lib/tenancy/tenant-context';

type NavWords = ReturnType<typeof useTranslations<'nav'>>;

function navFor(member: Member, showApps: boolean, showLeaderboards: boolean, showCoach: boolean, words: NavWords): NavItem[] {
  const items: NavItem[] = [
    { href: '/', label: words('dashboard') },
    { href: '/activity', label: words('activity') },
    { href: '/goals', label: words('goals') },
    { href: '/habits', label: words('habits') },
    ...(showCoach ? [{ href: '/coach', label: words('coach') }] : []),
    { href: '/teams', label: words('teams') },
    ...(showLeaderboards ? [{ href: '/leaderboards', label: words('leaderboards') }] : []),
    ...(showApps ? [{ href: '/apps', label: words('apps') }] : []),
    { href: '/developers', label: words('developers') },
  ];
  if (can(member.role, 'settings.manage')) items.push({ href: '/settings', label: words('settings') });
  return items;
}

/** A member's picture, once the account pages store one (Member may carry avatarUrl). */
function avatarOf(member: Member): string | null {
  return 'avatarUrl' in member && typeof member.avatarUrl === 'string' ? member.avatarUrl : null;
}

/** showApps: the marketplace is not hidden here (Settings › Marketplace); showLeaderboards: admins did not turn them off; showCoach: the AI coach is available (lib/coach/availability.ts). */
export function TenantHeader({ tenant, member, showApps = true, showLeaderboards = false, showCoach = false }: { tenant: TenantContext; member: Member | null; showApps?: boolean; showLeaderboards?: boolean; showCoach?: boolean }) {
  const words = useTranslations('nav');
  const shell = useTranslations('shell');
  const items = member ? navFor(member, showApps, showLeaderboards, showCoach, words) : [];
  return (
    <header className="on-brand-secondary bg-brand-secondary text-brand-secondary-fg">
      <div className="mx-auto flex max-w-7xl items-center gap-2 px-4 py-2.5 sm:px-6 xl:gap-4">
        {member ? <MobileNav items={items} title={tenant.name} tone="dark" breakpoint="xl" /> : null}
        <Link href="/" className="flex min-w-0 items-center gap-3 rounded-md text-lg font-bold">
          {tenant.branding.logoUrl ? <img src={tenant.branding.logoUrl} alt="" height={32} className="h-8 w-auto max-w-32 shrink-0 object-contain" data-testid="tenant-logo" /> : null}
          <span className="truncate" data-testid="tenant-name">
            {tenant.name}
          </span>
        </Link>
        {member ? <DesktopNav items={items} tone="dark" breakpoint="xl" /> : null}
        <div className="ms-auto flex shrink-0 items-center">
          {member ? <NotificationBell /> : null}
          {member ? (
            <UserMenu name={member.name ?? member.email} email={member.email} avatarUrl={avatarOf(member)} links={ACCOUNT_LINKS} signOutUrl="/signin" tone="dark" />
          ) : (
            <Link href="/signin" className="rounded-md bg-brand px-3 py-2 text-sm font-semibold whitespace-nowrap text-brand-fg">
              {shell('signIn')}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
