'use client';

import { Menu } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';

export interface NavItem {
  href: string;
  label: string;
  /** Marks the item current only on its own path, not on the paths below it (an area's home). */
  exact?: boolean;
}

/** "dark": on the brand's header colour (a workspace); "light": on a white header (the platform's areas). */
export type NavTone = 'dark' | 'light';

function isActive(item: NavItem, pathname: string): boolean {
  if (item.exact || item.href === '/') return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

const DESKTOP_LINK: Record<NavTone, (active: boolean) => string> = {
  dark: (active) => (active ? 'bg-brand-secondary-fg/15 text-brand-secondary-fg' : 'text-brand-secondary-fg/85 hover:bg-brand-secondary-fg/10 hover:text-brand-secondary-fg'),
  light: (active) => (active ? 'bg-slate-100 text-slate-900' : 'text-slate-600 hover:bg-slate-50 hover:text-slate-900'),
};

/**
 * Where the menu button gives way to the one-row menu: `lg` by default; `xl` for a menu too long
 * for a laptop's row beside a name and the header's buttons (a workspace's nine items).
 */
export type NavBreakpoint = 'lg' | 'xl';

/**
 * The main navigation on wide screens: one row, never wrapping and never shrinking (the name
 * beside it truncates instead, so no link slides under the header's buttons). Below the
 * breakpoint it is hidden and MobileNav's menu button takes its place.
 */
export function DesktopNav({ items, label, tone, breakpoint = 'lg' }: { items: NavItem[]; label?: string; tone: NavTone; breakpoint?: NavBreakpoint }) {
  const t = useTranslations('common');
  const pathname = usePathname() ?? '/';
  return (
    <nav aria-label={label ?? t('mainNav')} className={cn('hidden shrink-0', breakpoint === 'xl' ? 'xl:block' : 'lg:block')}>
      <ul className="flex items-center gap-1 text-sm font-medium whitespace-nowrap">
        {items.map((item) => {
          const active = isActive(item, pathname);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={active ? 'page' : undefined} className={cn('block rounded-md px-2.5 py-2', DESKTOP_LINK[tone](active))}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * The menu button of narrow screens: opens the navigation in a side sheet (a Radix dialog:
 * focus trapped, Escape closes, the trigger says aria-expanded) that closes on navigation.
 */
export function MobileNav({ items, label, title, tone, breakpoint = 'lg' }: { items: NavItem[]; label?: string; title: string; tone: NavTone; breakpoint?: NavBreakpoint }) {
  const t = useTranslations('common');
  const pathname = usePathname() ?? '/';
  // Open only on the page it was opened on: navigating anywhere closes it. (A link to the
  // page already shown does not change the path, so links close it on click as well.)
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger
        className={cn(
          '-ms-1 inline-flex size-10 shrink-0 items-center justify-center rounded-md',
          breakpoint === 'xl' ? 'xl:hidden' : 'lg:hidden',
          tone === 'dark' ? 'text-brand-secondary-fg hover:bg-brand-secondary-fg/10' : 'text-slate-700 hover:bg-slate-100',
        )}
        data-testid="menu-button"
      >
        <Menu className="size-6" aria-hidden />
        <span className="sr-only">{t('menu')}</span>
      </DialogTrigger>
      <DialogContent title={title} side="left">
        <nav aria-label={label ?? t('mainNav')}>
          <ul className="flex flex-col gap-1 text-base font-medium">
            {items.map((item) => {
              const active = isActive(item, pathname);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? 'page' : undefined}
                    onClick={() => setOpen(false)}
                    className={cn('block rounded-md px-3 py-3', active ? 'bg-brand/10 text-brand-text' : 'text-slate-700 hover:bg-slate-100')}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </DialogContent>
    </Dialog>
  );
}
