import { DesktopNav, MobileNav, type NavItem } from '@/components/shell/main-nav';
import { UserMenu, type UserMenuLink } from '@/components/shell/user-menu';
import { PlatformBrand } from './platform-header';

/**
 * The signed-in header of the platform's own areas (the reseller dashboard, the partner
 * portal, the operator console): which area, its navigation, and who is signed in with a menu to sign out.
 */
export function AreaHeader({
  area,
  items,
  who,
  links = [],
  signOutUrl,
}: {
  area: 'Reseller' | 'Operator' | 'Partner';
  items: NavItem[];
  who: { name: string | null; email: string; detail?: string };
  links?: UserMenuLink[];
  signOutUrl: string;
}) {
  return (
    <header className="border-b border-slate-200 bg-white" data-testid="area-header">
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-2.5 sm:px-6 lg:gap-6">
        <MobileNav items={items} label={area} title={`${area} menu`} tone="light" />
        <PlatformBrand area={area} />
        <DesktopNav items={items} label={area} tone="light" />
        <div className="ml-auto flex shrink-0 items-center">
          <UserMenu name={who.name ?? who.email} email={who.email} detail={who.detail} links={links} signOutUrl={signOutUrl} tone="light" />
        </div>
      </div>
    </header>
  );
}

export const RESELLER_NAV: NavItem[] = [
  { href: '/reseller', label: 'Overview', exact: true },
  { href: '/reseller/clients', label: 'Clients' },
  { href: '/reseller/prices', label: 'Prices' },
  { href: '/reseller/network', label: 'Sub-resellers' },
  { href: '/reseller/payouts', label: 'Payouts' },
  { href: '/reseller/settings', label: 'Settings' },
];

export const PARTNER_NAV: NavItem[] = [
  { href: '/partner', label: 'Overview', exact: true },
  { href: '/partner/apps', label: 'Apps' },
  { href: '/partner/payouts', label: 'Payouts' },
  { href: '/partner/support', label: 'Support' },
  { href: '/partner/team', label: 'Team' },
  { href: '/partner/profile', label: 'Profile' },
  { href: '/partner/agreement', label: 'Agreement' },
];

export const OPERATOR_NAV: NavItem[] = [
  { href: '/operator', label: 'Workspaces', exact: true },
  { href: '/operator/analytics', label: 'Analytics' },
  { href: '/operator/resellers', label: 'Resellers' },
  { href: '/operator/partners', label: 'Partners' },
  { href: '/operator/payouts', label: 'Payouts' },
  { href: '/operator/apps', label: 'Apps' },
  { href: '/operator/reviews', label: 'Reviews' },
  { href: '/operator/support', label: 'Support' },
  { href: '/operator/audit', label: 'Audit' },
  { href: '/operator/privacy', label: 'Privacy' },
  // Platform owners only: the layout leaves it out for other roles.
  { href: '/operator/staff', label: 'Staff' },
];
