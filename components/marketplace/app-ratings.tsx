'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Flag } from 'lucide-react';
import { useTranslations } from 'next-intl';
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
  { id: 'newest', label: 'sort.newest' },
  { id: 'highest', label: 'sort.highest' },
  { id: 'lowest', label: 'sort.lowest' },
] as const;
type Sort = (typeof SORTS)[number]['id'];

const path = (appId: string) => `/api/app/marketplace/apps/${encodeURIComponent(appId)}/reviews`;

export function AppRatings({ appId, appName, partnerName, initial }: { appId: string; appName: string; partnerName?: string; initial: WorkspaceReviews }) {
  const t = useTranslations('marketplaceReviews');
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
        {t('heading')}
      </h2>
      <RatingSummaryView summary={first.summary} />
      <OwnReview appId={appId} appName={appName} partnerName={partnerName} data={first} onSaved={refresh} />
      {reviews.length > 0 ? (
        <div className="flex flex-col">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-base font-semibold text-slate-900">{t('whatWorkspacesSay')}</h3>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              {t('sort.label')}
              <select value={sort} onChange={(event) => setSort(event.target.value as Sort)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
                {SORTS.map((option) => (
                  <option key={option.id} value={option.id}>
                    {t(option.label)}
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
                badges={review.mine ? <Badge tone="brand">{t('yourWorkspace')}</Badge> : <Badge>{t('verifiedInstall')}</Badge>}
                actions={review.mine ? null : <ReportButton review={review} />}
              />
            ))}
          </div>
          {query.hasNextPage ? (
            <div>
              <Button type="button" variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? t('loading') : t('showMore')}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function OwnReview({ appId, appName, partnerName, data, onSaved }: { appId: string; appName: string; partnerName?: string; data: WorkspaceReviews; onSaved: () => void }) {
  const t = useTranslations('marketplaceReviews');
  const mine = data.mine;
  if (!data.canReview) {
    return mine ? (
      <ReviewItem review={mine} partnerName={partnerName} badges={<Badge tone="brand">{t('yourWorkspace')}</Badge>} />
    ) : (
      <p className="text-sm text-slate-600">{t('onlyInstalled', { app: appName })}</p>
    );
  }
  if (!data.canWrite) {
    return (
      <div className="flex flex-col gap-1">
        {mine ? <ReviewItem review={mine} partnerName={partnerName} badges={<Badge tone="brand">{t('yourWorkspace')}</Badge>} /> : null}
        <p className="text-sm text-slate-600">{t('adminsWrite', { app: appName })}</p>
      </div>
    );
  }
  return <ReviewForm appId={appId} appName={appName} mine={mine} onSaved={onSaved} />;
}

function ReviewForm({ appId, appName, mine, onSaved }: { appId: string; appName: string; mine: ReviewView | null; onSaved: () => void }) {
  const t = useTranslations('marketplaceReviews');
  const [stars, setStars] = useState<number | null>(mine?.stars ?? null);
  const [body, setBody] = useState(mine?.body ?? '');
  const form = useFormSubmit({ fieldsAlert: t('checkFields') });
  const [withdrawing, setWithdrawing] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    await form.submit(async () => {
      await api(path(appId), { method: 'PUT', json: { stars, body } });
      onSaved();
      return mine ? t('updated') : t('published');
    });
  }

  async function withdraw() {
    if (!window.confirm(t('confirmWithdraw', { app: appName }))) return;
    setWithdrawing(true);
    try {
      await api(path(appId), { method: 'DELETE' });
      toast.success(t('withdrawn'));
      onSaved();
    } catch (error) {
      toast.error((error as Error).message);
    }
    setWithdrawing(false);
  }

  return (
    <form onSubmit={save} noValidate className="flex flex-col gap-3 rounded-md border border-slate-200 p-4" data-testid="review-form" aria-label={t('formLabel')}>
      <h3 className="text-base font-semibold text-slate-900">{mine ? t('yourReview') : t('reviewApp', { app: appName })}</h3>
      <p className="text-xs text-slate-600">{t('onePerWorkspace')}</p>
      {mine?.hidden ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {mine.hidden.reason ? t('hiddenMineReason', { reason: mine.hidden.reason }) : t('hiddenMine')}
        </p>
      ) : null}
      <FormAlert message={form.alert} />
      <StarInput value={stars} onChange={setStars} error={form.errors.stars} />
      <TextAreaField label={t('bodyLabel')} value={body} onChange={setBody} error={form.errors.body} maxLength={2000} name="body" hint={t('bodyHint')} />
      {mine?.reply ? (
        <div className="border-s-2 border-slate-200 ps-3 text-sm text-slate-700" data-testid="review-reply">
          <p className="text-xs font-semibold">{t('developerReplied')}</p>
          <p className="whitespace-pre-line">{mine.reply.body}</p>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('saving') : mine ? t('update') : t('publish')}
        </Button>
        {mine ? (
          <Button type="button" variant="danger-ghost" onClick={withdraw} disabled={withdrawing}>
            {t('withdraw')}
          </Button>
        ) : null}
      </div>
      <FormStatus message={form.status} />
    </form>
  );
}

function ReportButton({ review }: { review: ReviewView }) {
  const t = useTranslations('marketplaceReviews');
  return (
    <ReasonDialog
      trigger={
        <DialogTrigger asChild>
          <Button type="button" variant="ghost" size="sm" aria-label={t('reportLabel', { stars: review.stars })}>
            <Flag aria-hidden /> {t('report')}
          </Button>
        </DialogTrigger>
      }
      title={t('reportTitle')}
      description={t('reportDescription')}
      label={t('reportReason')}
      submitLabel={t('sendReport')}
      onSubmit={async (reason) => {
        await api(`/api/app/marketplace/reviews/${encodeURIComponent(review.id)}/reports`, { method: 'POST', json: { reason } });
        toast.success(t('reportThanks'));
      }}
    />
  );
}
