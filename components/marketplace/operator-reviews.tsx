'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DialogTrigger } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toaster';
import { useFormat } from '@/lib/format/format-context';
import { api } from '@/lib/http/api-client';
import type { OperatorReviewView } from '@/lib/marketplace/rating-schema';
import { ReasonDialog, StarDisplay } from './review-parts';

// The operator's moderation list: each review with its app, workspace, author and reports,
// and Hide / Unhide / Dismiss reports, each with a reason (recorded in the platform audit log).

export function OperatorReviewList({ reviews }: { reviews: OperatorReviewView[] }) {
  const t = useTranslations('marketplaceReviews');
  const fmt = useFormat();
  const router = useRouter();
  const act = (review: OperatorReviewView, action: 'hide' | 'unhide' | 'dismiss-reports', done: string) => async (reason: string) => {
    await api(`/api/operator/reviews/${encodeURIComponent(review.id)}/${action}`, { method: 'POST', json: { reason } });
    toast.success(done);
    router.refresh();
  };
  return (
    <ul className="flex flex-col divide-y divide-slate-100" data-testid="operator-reviews">
      {reviews.map((review) => (
        <li key={review.id} className="flex flex-col gap-2 py-4" data-testid="operator-review">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <StarDisplay value={review.stars} />
            <span className="text-sm font-medium text-slate-900">{review.app.name}</span>
            <span className="text-xs text-slate-600">{t('operator.by', { partner: review.app.partnerName })}</span>
            {review.hidden ? <Badge tone="warning">{t('hidden')}</Badge> : null}
            {review.openReports > 0 ? <Badge tone="danger">{t('openReports', { count: review.openReports })}</Badge> : null}
          </div>
          <p className="text-xs text-slate-600">
            {t('operator.meta', { workspace: review.workspace.name, slug: review.workspace.slug, author: review.author ?? t('operator.formerMember'), date: fmt.dateTime(review.updatedAt) })}
          </p>
          {review.body ? <p className="text-sm break-words whitespace-pre-line text-slate-800">{review.body}</p> : <p className="text-sm text-slate-500 italic">{t('operator.starsOnly')}</p>}
          {review.reply ? (
            <p className="ms-3 border-s-2 border-slate-200 ps-3 text-sm break-words whitespace-pre-line text-slate-700">
              <span className="block text-xs font-semibold">{t('operator.partnerReply')}</span>
              {review.reply.body}
            </p>
          ) : null}
          {review.hidden ? (
            <p className="text-xs text-amber-900">
              {t('operator.hiddenAt', { date: fmt.dateTime(review.hidden.at), reason: review.hidden.reason ?? '' })}
            </p>
          ) : null}
          {review.reports.length > 0 ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-slate-700">{t('operator.reports', { count: review.reports.length })}</summary>
              <ul className="mt-1 flex flex-col gap-1 ps-4">
                {review.reports.map((report) => (
                  <li key={report.id} className="text-slate-700">
                    <span className="break-words">{t('operator.reportReason', { reason: report.reason })}</span>{' '}
                    <span className="text-xs text-slate-600">
                      {t(report.resolvedAt ? 'operator.reportMetaResolved' : 'operator.reportMeta', { reporter: report.reporter ?? t('operator.unknown'), date: fmt.dateTime(report.createdAt) })}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {review.hidden ? (
              <ReasonDialog
                trigger={
                  <DialogTrigger asChild>
                    <Button type="button" variant="secondary" size="sm">
                      {t('operator.unhide')}
                    </Button>
                  </DialogTrigger>
                }
                title={t('operator.unhideTitle')}
                description={t('operator.unhideDescription')}
                label={t('operator.unhideReason')}
                submitLabel={t('operator.unhide')}
                onSubmit={act(review, 'unhide', t('operator.unhidden'))}
              />
            ) : (
              <ReasonDialog
                trigger={
                  <DialogTrigger asChild>
                    <Button type="button" variant="danger" size="sm">
                      {t('operator.hide')}
                    </Button>
                  </DialogTrigger>
                }
                title={t('operator.hideTitle')}
                description={t('operator.hideDescription')}
                label={t('operator.hideReason')}
                submitLabel={t('operator.hideReview')}
                variant="danger"
                onSubmit={act(review, 'hide', t('operator.hiddenDone'))}
              />
            )}
            {review.openReports > 0 && !review.hidden ? (
              <ReasonDialog
                trigger={
                  <DialogTrigger asChild>
                    <Button type="button" variant="ghost" size="sm">
                      {t('operator.dismiss')}
                    </Button>
                  </DialogTrigger>
                }
                title={t('operator.dismissTitle')}
                description={t('operator.dismissDescription')}
                label={t('operator.dismissReason')}
                submitLabel={t('operator.dismiss')}
                onSubmit={act(review, 'dismiss-reports', t('operator.dismissed'))}
              />
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
