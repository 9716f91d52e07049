'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const ITEMS = [
  { href: '/developers', label: 'Overview' },
  { href: '/developers/keys', label: 'API keys' },
  { href: '/developers/docs', label: 'Docs' },
];

export function DevelopersNav() {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1 border-b border-slate-200">
      {ITEMS.map((item) => {
        const active = pathname === item.href;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`-mb-px block border-b-2 px-3 py-2 text-sm font-medium ${active ? 'border-brand text-brand' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
