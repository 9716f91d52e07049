'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Flag } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DialogTrigger } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { FormStatus } from '@/components/ui/form-status';
import { toast } from '@/components/ui/toaster';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import type { ReviewView, WorkspaceReviews } from '@/lib/marketplace/rating-schema';
import { RatingSummaryView, ReasonDialog, ReviewItem, StarInput, TextAreaField } from './review-parts';

// The listing page's "Ratings and reviews" section: the average and the count, the workspace's
// own review (written by its admins once the app is installed; saving again replaces it), the
// other workspaces' reviews with the partner's replies, and a Report button on each.

const SORTS = [
  { id: 'newest', label: 'Newest' },
  { id: 'highest', label: 'Highest rated' },
  { id: 'lowest', label: 'Lowest rated' },
] as const;
type Sort = (typeof SORTS)[number]['id'];

const path = (appId: string) => `/api/app/marketplace/apps/${encodeURIComponent(appId)}/reviews`;

export function AppRatings({ appId, appName, partnerName, initial }: { appId: string; appName: string; partnerName?: string; initial: WorkspaceReviews }) {
  const client = useQueryClient();
  const router = useRouter();
  const [sort, setSort] = useState<Sort>('newest');
  const query = useInfiniteQuery({
    queryKey: ['app-reviews', appId, sort],
    queryFn: ({ pageParam }) => api<WorkspaceReviews>(`${path(appId)}?${new URLSearchParams({ sort, ...(pageParam ? { cursor: pageParam } : {}) })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(sort === 'newest' ? { initialData: { pages: [initial], pageParams: [null] } } : {}),
  });
  const first = query.data?.pages[0] ?? initial;
  const reviews = (query.data?.pages ?? [initial]).flatMap((page) => page.reviews);
  // The page's own figures (the rating beside the listing) are server-rendered: refresh them too.
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['app-reviews', appId] });
    router.refresh();
  };

  return (
    <section aria-labelledby="ratings-heading" className="flex flex-col gap-6" data-testid="app-ratings">
      <h2 id="ratings-heading" className="text-lg font-semibold text-slate-900">
        Ratings and reviews
      </h2>
      <RatingSummaryView summary={first.summary} />
      <OwnReview appId={appId} appName={appName} partnerName={partnerName} data={first} onSaved={refresh} />
      {reviews.length > 0 ? (
        <div className="flex flex-col">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-base font-semibold text-slate-900">What workspaces say</h3>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              Sort
              <select value={sort} onChange={(event) => setSort(event.target.value as Sort)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
                {SORTS.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="divide-y divide-slate-100" data-testid="review-list">
            {reviews.map((review) => (
              <ReviewItem
                key={review.id}
                review={review}
                partnerName={partnerName}
                badges={review.mine ? <Badge tone="brand">Your workspace</Badge> : <Badge>Verified install</Badge>}
                actions={review.mine ? null : <ReportButton review={review} />}
              />
            ))}
          </div>
          {query.hasNextPage ? (
            <div>
              <Button type="button" variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? 'Loading…' : 'Show more reviews'}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function OwnReview({ appId, appName, partnerName, data, onSaved }: { appId: string; appName: string; partnerName?: string; data: WorkspaceReviews; onSaved: () => void }) {
  const mine = data.mine;
  if (!data.canReview) {
    return mine ? (
      <ReviewItem review={mine} partnerName={partnerName} badges={<Badge tone="brand">Your workspace</Badge>} />
    ) : (
      <p className="text-sm text-slate-600">Workspaces that have {appName} installed can rate and review it.</p>
    );
  }
  if (!data.canWrite) {
    return (
      <div className="flex flex-col gap-1">
        {mine ? <ReviewItem review={mine} partnerName={partnerName} badges={<Badge tone="brand">Your workspace</Badge>} /> : null}
        <p className="text-sm text-slate-600">Your workspace&apos;s admins write its review of {appName}.</p>
      </div>
    );
  }
  return <ReviewForm appId={appId} appName={appName} mine={mine} onSaved={onSaved} />;
}

function ReviewForm({ appId, appName, mine, onSaved }: { appId: string; appName: string; mine: ReviewView | null; onSaved: () => void }) {
  const [stars, setStars] = useState<number | null>(mine?.stars ?? null);
  const [body, setBody] = useState(mine?.body ?? '');
  const form = useFormSubmit({ fieldsAlert: 'Check the rating and the text.' });
  const [withdrawing, setWithdrawing] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    await form.submit(async () => {
      await api(path(appId), { method: 'PUT', json: { stars, body } });
      onSaved();
      return mine ? 'Your workspace’s review is updated.' : 'Thanks: your workspace’s review is published.';
    });
  }

  async function withdraw() {
    if (!window.confirm(`Withdraw your workspace's review of ${appName}?`)) return;
    setWithdrawing(true);
    try {
      await api(path(appId), { method: 'DELETE' });
      toast.success('Review withdrawn.');
      onSaved();
    } catch (error) {
      toast.error((error as Error).message);
    }
    setWithdrawing(false);
  }

  return (
    <form onSubmit={save} noValidate className="flex flex-col gap-3 rounded-md border border-slate-200 p-4" data-testid="review-form" aria-label="Your workspace's review">
      <h3 className="text-base font-semibold text-slate-900">{mine ? 'Your workspace’s review' : `Review ${appName}`}</h3>
      <p className="text-xs text-slate-600">One review per workspace, shown without your workspace’s name. Saving again replaces it.</p>
      {mine?.hidden ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          The Waypoint team hid this review{mine.hidden.reason ? `: ${mine.hidden.reason}` : ''}. Only your workspace sees it.
        </p>
      ) : null}
      <FormAlert message={form.alert} />
      <StarInput value={stars} onChange={setStars} error={form.errors.stars} />
      <TextAreaField label="Your review (optional)" value={body} onChange={setBody} error={form.errors.body} maxLength={2000} name="body" hint="What works well, what could be better. Up to 2,000 characters." />
      {mine?.reply ? (
        <div className="border-l-2 border-slate-200 pl-3 text-sm text-slate-700" data-testid="review-reply">
          <p className="text-xs font-semibold">The developer replied</p>
          <p className="whitespace-pre-line">{mine.reply.body}</p>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? 'Saving…' : mine ? 'Update review' : 'Publish review'}
        </Button>
        {mine ? (
          <Button type="button" variant="danger-ghost" onClick={withdraw} disabled={withdrawing}>
            Withdraw
          </Button>
        ) : null}
      </div>
      <FormStatus message={form.status} />
    </form>
  );
}

function ReportButton({ review }: { review: ReviewView }) {
  return (
    <ReasonDialog
      trigger={
        <DialogTrigger asChild>
          <Button type="button" variant="ghost" size="sm" aria-label={`Report this ${review.stars}-star review`}>
            <Flag aria-hidden /> Report
          </Button>
        </DialogTrigger>
      }
      title="Report this review"
      description="Tell the Waypoint team what is wrong with it (spam, abuse, personal data, not about the app). They decide whether to hide it."
      label="What is wrong with it?"
      submitLabel="Send report"
      onSubmit={async (reason) => {
        await api(`/api/app/marketplace/reviews/${encodeURIComponent(review.id)}/reports`, { method: 'POST', json: { reason } });
        toast.success('Thanks: the Waypoint team will look at this review.');
      }}
    />
  );
}
