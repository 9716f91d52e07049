'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Bell } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useLive } from '@/components/live/live-context';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormAlert } from '@/components/ui/form-alert';
import { FormattedDateTime } from '@/components/ui/formatted';
import type { NotificationPage } from '@/lib/notifications/types';
import { fetchNotifications, markNotificationsRead, notificationKeys } from './notification-requests';

/** The notification center: newest first, read on open, all read at once. */
export function NotificationCenter({ initial }: { initial: NotificationPage }) {
  const t = useTranslations('notifications');
  const client = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) => fetchNotifications(pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initial], pageParams: [null] },
  });
  useLive((message) => {
    if (message.kind === 'notifications' || message.kind === 'reset') void client.invalidateQueries({ queryKey: notificationKeys.all });
  });
  const read = useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: ({ unread }) => {
      client.setQueryData(notificationKeys.unread, { unread });
      void client.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
  const items = query.data.pages.flatMap((page) => page.items);
  const unread = query.data.pages[0]?.unread ?? 0;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="unread-summary">
          {unread ? t('unread', { count: unread }) : t('caughtUp')}
        </p>
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" disabled={!unread || read.isPending} onClick={() => read.mutate({ all: true })}>
            {t('markAllRead')}
          </Button>
          <Link href="/account/notifications" className="inline-flex h-8 items-center rounded-md px-3 text-sm font-semibold text-brand-text hover:underline">
            {t('preferences')}
          </Link>
        </div>
      </div>
      <FormAlert message={read.error ? read.error.message : null} />
      {items.length === 0 ? (
        <EmptyState icon={Bell} title={t('emptyTitle')} description={t('emptyBody')} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label={t('title')}>
          {items.map((item) => (
            <li key={item.id} className={`flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between ${item.read ? '' : 'border-s-4 border-brand bg-slate-50'}`} data-testid="notification-item" data-read={item.read}>
              <div className="min-w-0">
                <Link href={item.href} className="font-medium break-words text-slate-900 hover:underline" onClick={() => (item.read ? undefined : read.mutate({ ids: [item.id] }))}>
                  {item.read ? item.text : t.rich('unreadItem', { text: item.text, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                </Link>
                <p className="text-xs text-slate-600">
                  <FormattedDateTime value={item.createdAt} />
                </p>
              </div>
              {item.read ? null : (
                <Button variant="ghost" size="sm" onClick={() => read.mutate({ ids: [item.id] })} disabled={read.isPending} aria-label={t('markReadLabel', { text: item.text })}>
                  {t('markRead')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage ? (
        <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? t('loading') : t('showOlder')}
        </Button>
      ) : null}
    </div>
  );
}
