'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const ITEMS = [
  { href: '/settings', label: 'General' },
  { href: '/settings/branding', label: 'Branding' },
  { href: '/settings/domains', label: 'Custom domain' },
  { href: '/settings/members', label: 'Members' },
  { href: '/settings/audit', label: 'Audit log' },
  { href: '/developers/keys', label: 'API keys' },
];

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <ul className="flex flex-row flex-wrap gap-1 md:flex-col">
      {ITEMS.map((item) => {
        const active = pathname === item.href;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium ${active ? 'bg-brand/10 text-brand' : 'text-slate-700 hover:bg-slate-100'}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
