'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

// Pages of the reseller, partner and operator areas that are for people not signed in yet.
const PUBLIC_AREA_PAGES = ['/reseller/signin', '/reseller/welcome/', '/partner/signin', '/partner/welcome/', '/operator/signin'];

function areaOf(pathname: string): 'reseller' | 'partner' | 'operator' | null {
  if (PUBLIC_AREA_PAGES.some((page) => pathname === page || (page.endsWith('/') && pathname.startsWith(page)))) return null;
  if (pathname === '/reseller' || pathname.startsWith('/reseller/')) return 'reseller';
  if (pathname === '/partner' || pathname.startsWith('/partner/')) return 'partner';
  if (pathname === '/operator' || pathname.startsWith('/operator/')) return 'operator';
  return null;
}

/**
 * One header for the root domain's layout: an area's own signed-in header inside that area
 * (when its person is signed in), the public one everywhere else. The layout renders the
 * candidates on the server; the path picks one, so the header stays outside <main>.
 */
export function PlatformHeaderSwitch({ publicHeader, reseller, partner, operator }: { publicHeader: ReactNode; reseller: ReactNode; partner?: ReactNode; operator: ReactNode }) {
  const area = areaOf(usePathname() ?? '/');
  if (area === 'reseller' && reseller) return reseller;
  if (area === 'partner' && partner) return partner;
  if (area === 'operator' && operator) return operator;
  return publicHeader;
}
