import { useTranslations } from 'next-intl';
import { DesktopNav, MobileNav, type NavItem } from '@/components/shell/main-nav';
import { UserMenu, type UserMenuLink } from '@/components/shell/user-menu';
import type { PlatformRole } from '@/lib/db/generated/enums';
import { platformCan } from '@/lib/platform/platform-roles';
import { PlatformBrand } from './platform-header';
import { STAFF_ROLE_KEYS } from './staff-role-keys';

type PlatformWords = ReturnType<typeof useTranslations<'platform'>>;
type PlatformKey = Parameters<PlatformWords>[0];
type Area = 'Reseller' | 'Operator' | 'Partner';

const AREA_KEYS: Record<Area, PlatformKey> = { Operator: 'areas.operator', Reseller: 'areas.reseller', Partner: 'areas.partner' };

// Each area's pages by address, so that the labels below (and those a layout passes) show in the reader's language.
const LABEL_KEYS: Record<string, PlatformKey> = {
  '/reseller': 'nav.reseller.overview',
  '/reseller/clients': 'nav.reseller.clients',
  '/reseller/prices': 'nav.reseller.prices',
  '/reseller/network': 'nav.reseller.network',
  '/reseller/payouts': 'nav.reseller.payouts',
  '/reseller/settings': 'nav.reseller.settings',
  '/partner': 'nav.partner.overview',
  '/partner/apps': 'nav.partner.apps',
  '/partner/payouts': 'nav.partner.payouts',
  '/partner/support': 'nav.partner.support',
  '/partner/team': 'nav.partner.team',
  '/partner/profile': 'nav.partner.profile',
  '/partner/agreement': 'nav.partner.agreement',
  '/operator': 'nav.operator.workspaces',
  '/operator/analytics': 'nav.operator.analytics',
  '/operator/resellers': 'nav.operator.resellers',
  '/operator/partners': 'nav.operator.partners',
  '/operator/payouts': 'nav.operator.payouts',
  '/operator/apps': 'nav.operator.apps',
  '/operator/reviews': 'nav.operator.reviews',
  '/operator/support': 'nav.operator.support',
  '/operator/audit': 'nav.operator.audit',
  '/operator/privacy': 'nav.operator.privacy',
  '/operator/staff': 'nav.operator.staff',
};

// The user menu's links: their own words (the partner menu's "Partner profile" is not the nav's "Profile").
const LINK_KEYS: Record<string, PlatformKey> = {
  '/operator/account/security': 'links.security',
  '/reseller/settings': 'links.settings',
  '/partner/profile': 'links.partnerProfile',
};

/**
 * The signed-in header of the platform's own areas (the reseller dashboard, the partner
 * portal, the operator console): which area, its navigation, and who is signed in with a menu to sign out.
 * Known pages and links are labelled from the catalog; others keep the label they were given.
 */
export function AreaHeader({
  area,
  items,
  who,
  links = [],
  signOutUrl,
}: {
  area: Area;
  items: NavItem[];
  who: { name: string | null; email: string; detail?: string };
  links?: UserMenuLink[];
  signOutUrl: string;
}) {
  const t = useTranslations('platform');
  const name = t(AREA_KEYS[area]);
  const navItems = items.map((item) => (LABEL_KEYS[item.href] ? { ...item, label: t(LABEL_KEYS[item.href]) } : item));
  const menuLinks = links.map((link): UserMenuLink => (LINK_KEYS[link.href] ? { href: link.href, icon: link.icon, label: t(LINK_KEYS[link.href]) } : link));
  return (
    <header className="border-b border-slate-200 bg-white" data-testid="area-header">
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-2.5 sm:px-6 lg:gap-6">
        <MobileNav items={navItems} label={name} title={t('menu', { area: name })} tone="light" />
        <PlatformBrand area={area} />
        <DesktopNav items={navItems} label={name} tone="light" />
        <div className="ms-auto flex shrink-0 items-center">
          <UserMenu name={who.name ?? who.email} email={who.email} detail={who.detail} links={menuLinks} signOutUrl={signOutUrl} tone="light" />
        </div>
      </div>
    </header>
  );
}

/** The operator console's header: its pages (Staff for platform owners only), the staff role, and the account's security page. */
export function OperatorAreaHeader({ email, role }: { email: string; role: PlatformRole }) {
  const t = useTranslations('platform');
  const roles = useTranslations('operatorStaff.roles');
  return (
    <AreaHeader
      area="Operator"
      items={OPERATOR_NAV.filter((item) => item.href !== '/operator/staff' || platformCan(role, 'platform:staff'))}
      who={{ name: null, email, detail: t('staffDetail', { role: roles(`${STAFF_ROLE_KEYS[role]}.label`) }) }}
      links={[{ href: '/operator/account/security', label: t('links.security') }]}
      signOutUrl="/operator/signin"
    />
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
  // Platform owners only: OperatorAreaHeader leaves it out for other roles.
  { href: '/operator/staff', label: 'Staff' },
];
