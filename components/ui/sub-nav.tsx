'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface SubNavItem {
  href: string;
  label: string;
  /** Also current on the pages below href (e.g. one webhook endpoint's page). */
  matchPrefix?: boolean;
}

const STYLES = {
  tabs: {
    list: 'flex flex-wrap gap-1 border-b border-slate-200',
    link: (active: boolean) => `-mb-px block border-b-2 px-3 py-2 text-sm font-medium ${active ? 'border-brand text-brand-text' : 'border-transparent text-slate-600 hover:text-slate-900'}`,
  },
  sidebar: {
    list: 'flex flex-row flex-wrap gap-1 md:flex-col',
    link: (active: boolean) => `block rounded-md px-3 py-2 text-sm font-medium ${active ? 'bg-brand/10 text-brand-text' : 'text-slate-700 hover:bg-slate-100'}`,
  },
};

/** A section's navigation; the current page is marked for screen readers (aria-current). */
export function SubNav({ items, variant }: { items: SubNavItem[]; variant: keyof typeof STYLES }) {
  const pathname = usePathname();
  const style = STYLES[variant];
  return (
    <ul className={style.list}>
      {items.map((item) => {
        const active = pathname === item.href || (item.matchPrefix === true && pathname.startsWith(`${item.href}/`));
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={active ? 'page' : undefined} className={style.link(active)}>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
