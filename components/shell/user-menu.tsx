'use client';

import { Bell, LogOut, Plug, Shield, User } from 'lucide-react';
import { signOut } from 'next-auth/react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { Avatar } from './avatar';
import type { NavTone } from './main-nav';

const ICONS = { profile: User, security: Shield, notifications: Bell, integrations: Plug } as const;

/** The menu's own words for its ready-made links (messages/<language>/common.json, userMenu). */
type LinkWord = 'profile' | 'security' | 'notifications' | 'integrations';

/** A link of the menu: its own label, or one of the menu's words (`word`) in the reader's language. */
export type UserMenuLink = { href: string; icon?: keyof typeof ICONS } & ({ label: string; word?: undefined } | { word: LinkWord; label?: undefined });

/** The ready-made links of a workspace member's menu (the account pages). */
export const ACCOUNT_LINKS: UserMenuLink[] = [
  { href: '/account', word: 'profile', icon: 'profile' },
  { href: '/account/security', word: 'security', icon: 'security' },
  { href: '/account/notifications', word: 'notifications', icon: 'notifications' },
  // Where a member connects their calendar (the main menu has no room; Apps links there too).
  { href: '/integrations', word: 'integrations', icon: 'integrations' },
];

/**
 * Who is signed in, as an avatar (initials until they upload a picture) and their name; the
 * menu holds their account pages and Sign out. The name is the button's accessible name on
 * every width (visually hidden on a phone, where only the avatar shows).
 */
export function UserMenu({
  name,
  email,
  avatarUrl,
  detail,
  links,
  signOutUrl,
  tone,
}: {
  name: string;
  email: string;
  avatarUrl?: string | null;
  /** A line under the email in the menu (e.g. a role). */
  detail?: ReactNode;
  links: UserMenuLink[];
  signOutUrl: string;
  tone: NavTone;
}) {
  const t = useTranslations('common.userMenu');
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={cn(
          'flex max-w-64 min-w-0 items-center gap-2 rounded-full p-0.5 text-sm font-medium sm:rounded-md sm:py-1 sm:pe-2 sm:ps-1',
          tone === 'dark' ? 'text-brand-secondary-fg hover:bg-brand-secondary-fg/10' : 'text-slate-700 hover:bg-slate-100',
        )}
        data-testid="user-menu"
      >
        <Avatar name={name} url={avatarUrl} />
        <span className="sr-only sm:not-sr-only" data-testid="signed-in-as">
          <span className="block max-w-48 truncate">{name}</span>
        </span>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64">
        <DropdownMenuLabel className="flex flex-col gap-0.5">
          <span className="truncate text-sm font-semibold text-slate-900">{name}</span>
          {email !== name ? (
            <span className="truncate font-normal">
              <bdi>{email}</bdi>
            </span>
          ) : null}
          {detail ? <span className="font-normal">{detail}</span> : null}
        </DropdownMenuLabel>
        {links.length ? <DropdownMenuSeparator /> : null}
        {links.map((link) => {
          const Icon = link.icon ? ICONS[link.icon] : null;
          return (
            <DropdownMenuItem key={link.href} asChild>
              <Link href={link.href}>
                {Icon ? <Icon aria-hidden /> : null}
                {link.word ? t(link.word) : link.label}
              </Link>
            </DropdownMenuItem>
          );
        })}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: signOutUrl })}>
          <LogOut aria-hidden className="rtl:-scale-x-100" />
          {t('signOut')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
