'use client';

import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { PartyPopper } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId, useState, useSyncExternalStore } from 'react';
import { useLive } from '@/components/live/live-context';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import { FILTER_TYPES, type ActivityItem, type ActivityPage, type ActivityScope, type KudosState } from '@/lib/activity/activity-schema';
import type { Terminology } from '@/lib/branding/terminology';
import { useFormat } from '@/lib/format/format-context';
import { ApiError } from '@/lib/http/api-client';
import { activityKeys, fetchActivity, setKudos, type FeedFilter } from './activity-requests';

// A feed of what happened (the workspace's, a team's, a goal's or a member's), newest first,
// "Show older" for the next page, a type filter, kudos on completions and streak milestones.
// Live: any event a feed shows (or a kudos) refetches it; a stream reset refetches too.

/** What a feed shows, and what changes it: kudos counts, and a comment deleted (its item goes). */
const KUDOS_TYPES = new Set(['kudos.given', 'kudos.removed']);
const LIVE_TYPES = new Set([...FILTER_TYPES.all, ...KUDOS_TYPES, 'goal.comment_deleted']);

/** The type filter's choices, each labelled by activity.filters.<value>. */
const FILTERS: readonly FeedFilter[] = ['all', 'goals', 'habits', 'teams', 'comments', 'celebrations'];

const noSubscription = () => () => undefined;

/** "5 minutes ago" once mounted (the server renders the date, so hydration agrees). */
function When({ at }: { at: string }) {
  const format = useFormat();
  const mounted = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <time dateTime={at} title={format.dateTime(at)} className="text-xs text-slate-500">
      {mounted ? format.relative(at) : format.dateTime(at)}
    </time>
  );
}

function Sentence({ item }: { item: ActivityItem }) {
  return (
    <p className="text-sm text-slate-800">
      {item.parts.map((part, i) =>
        part.href ? (
          <Link key={i} href={part.href} className="font-semibold text-slate-900 underline-offset-2 hover:underline">
            {part.text}
          </Link>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function KudosButton({ item, onToggle, pending }: { item: ActivityItem; onToggle: (give: boolean) => void; pending: boolean }) {
  const t = useTranslations('activity.kudos');
  const describedBy = useId();
  const kudos = item.kudos!;
  const label = t('count', { count: kudos.count });
  if (!kudos.canGive) {
    return kudos.count > 0 ? (
      <span className="inline-flex items-center gap-1 text-xs text-slate-600" data-testid="kudos-count">
        <PartyPopper aria-hidden className="size-4" /> {label}
      </span>
    ) : null;
  }
  // The name is the visible text (WCAG 2.5.3: speech users say what they see); what it is for
  // is its description.
  return (
    <>
      <Button
        type="button"
        size="sm"
        variant={kudos.given ? 'primary' : 'secondary'}
        aria-pressed={kudos.given}
        aria-describedby={describedBy}
        disabled={pending}
        onClick={() => onToggle(!kudos.given)}
        data-testid="kudos-button"
      >
        <PartyPopper aria-hidden className="size-4" />
        <span>{kudos.count > 0 ? t('buttonWithCount', { count: kudos.count }) : t('button')}</span>
      </Button>
      <span id={describedBy} className="sr-only">
        {t(kudos.given ? 'takeBackDescription' : 'giveDescription', { text: item.text, label })}
      </span>
    </>
  );
}

function patchItem(data: InfiniteData<ActivityPage> | undefined, id: string, kudos: KudosState): InfiniteData<ActivityPage> | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === id ? { ...item, kudos } : item)) })) };
}

export interface ActivityFeedProps {
  scope: ActivityScope;
  /** No longer read: the catalog speaks the workspace's words. Kept so callers need not change. */
  terminology?: Terminology;
  /** The first page of the unfiltered feed, rendered on the server. */
  initial?: ActivityPage;
  /** Default: "Activity". */
  title?: string;
  /** Say so when there is nothing yet. Default: "Nothing has happened here yet." */
  emptyText?: string;
}

export function ActivityFeed({ scope, initial, title: ownTitle, emptyText: ownEmptyText }: ActivityFeedProps) {
  const t = useTranslations('activity');
  const title = ownTitle ?? t('title');
  const emptyText = ownEmptyText ?? t('empty');
  const [filter, setFilter] = useState<FeedFilter>('all');
  const queryClient = useQueryClient();
  const headingId = useId();
  const filterId = useId();
  const key = activityKeys.feed(scope, filter);
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchActivity(scope, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: filter === 'all' && initial ? { pages: [initial], pageParams: [undefined] } : undefined,
  });

  useLive((message) => {
    if (message.kind === 'reset') {
      void queryClient.invalidateQueries({ queryKey: activityKeys.scope(scope) });
      return;
    }
    if (message.kind !== 'event' || !LIVE_TYPES.has(message.type)) return;
    if (scope.kind === 'goal' && !KUDOS_TYPES.has(message.type) && message.subject.goalId !== scope.goalId) return;
    if (scope.kind === 'member' && !KUDOS_TYPES.has(message.type) && message.actorId !== scope.userId) return;
    void queryClient.invalidateQueries({ queryKey: activityKeys.scope(scope) });
  });

  const kudos = useMutation({
    mutationFn: ({ item, give }: { item: ActivityItem; give: boolean }) => setKudos(item.id, give),
    onMutate: ({ item, give }) => {
      const before = item.kudos!;
      queryClient.setQueryData<InfiniteData<ActivityPage>>(key, (data) => patchItem(data, item.id, { ...before, given: give, count: Math.max(0, before.count + (give ? 1 : -1)) }));
      return { before };
    },
    onSuccess: (state, { item }) => queryClient.setQueryData<InfiniteData<ActivityPage>>(key, (data) => patchItem(data, item.id, state)),
    onError: (error, { item }, context) => {
      if (context) queryClient.setQueryData<InfiniteData<ActivityPage>>(key, (data) => patchItem(data, item.id, context.before));
      toast.error(error instanceof ApiError ? error.message : t('kudos.failed'));
    },
  });

  const seen = new Set<string>();
  const items = (query.data?.pages ?? []).flatMap((page) => page.items).filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3" data-testid="activity-feed">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <div className="flex items-center gap-2">
          <label htmlFor={filterId} className="text-sm font-medium text-slate-700">
            {t('show')}
          </label>
          <select
            id={filterId}
            value={filter}
            onChange={(event) => setFilter(event.target.value as FeedFilter)}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm"
            data-testid="activity-filter"
          >
            {FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`filters.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {query.isPending ? (
        <p className="text-sm text-slate-600">{t('loading')}</p>
      ) : query.isError && items.length === 0 ? (
        <p className="text-sm text-slate-600" role="alert">
          {t('loadFailed')}
        </p>
      ) : items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{emptyText}</p>
      ) : (
        <ul aria-label={title} className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3" data-testid="activity-item" data-type={item.type}>
              <div className="min-w-0 flex-1 break-words">
                <Sentence item={item} />
                <When at={item.at} />
              </div>
              {item.kudos ? <KudosButton item={item} pending={kudos.isPending && kudos.variables?.item.id === item.id} onToggle={(give) => kudos.mutate({ item, give })} /> : null}
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage ? (
        <div>
          <Button type="button" variant="secondary" size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? t('loadingMore') : t('showOlder')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
