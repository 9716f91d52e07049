'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Bell } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useLive } from '@/components/live/live-context';
import { fetchUnread, notificationKeys } from './notification-requests';

/** The bell in the signed-in header: unread count, refreshed live when the member's notifications change. */
export function NotificationBell({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const t = useTranslations('notifications.bell');
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: notificationKeys.unread, queryFn: fetchUnread, staleTime: 30_000, refetchOnWindowFocus: true });
  useLive((message) => {
    if (message.kind === 'notifications' || message.kind === 'reset') void client.invalidateQueries({ queryKey: notificationKeys.all });
  });
  const unread = data?.unread ?? 0;
  const label = unread ? t('unread', { count: unread }) : t('label');
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className={`relative me-1 inline-flex size-10 items-center justify-center rounded-md ${tone === 'dark' ? 'hover:bg-white/10' : 'text-slate-700 hover:bg-slate-100'}`}
    >
      <Bell aria-hidden className="size-5" />
      {unread ? (
        <span data-testid="notification-count" className="absolute end-1 top-1 min-w-4.5 rounded-full bg-red-700 px-1 text-center text-[11px] leading-4.5 font-bold text-white">
          {unread > 99 ? t('many') : unread}
        </span>
      ) : null}
    </Link>
  );
}
