'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
}

/** Main navigation of a tenant; the current section is marked for screen readers too. */
export function TenantNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname() ?? '/';
  return (
    <ul className="flex flex-wrap items-center gap-1 text-sm font-medium">
      {items.map((item) => {
        const active = item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`rounded-md px-3 py-2 ${active ? 'bg-white/15 text-brand-secondary-fg' : 'text-brand-secondary-fg/80 hover:bg-white/10 hover:text-brand-secondary-fg'}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
