'use client';

import { useRouter } from 'next/navigation';
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
            <span className="text-xs text-slate-600">by {review.app.partnerName}</span>
            {review.hidden ? <Badge tone="warning">Hidden</Badge> : null}
            {review.openReports > 0 ? <Badge tone="danger">{review.openReports === 1 ? '1 open report' : `${review.openReports} open reports`}</Badge> : null}
          </div>
          <p className="text-xs text-slate-600">
            {review.workspace.name} ({review.workspace.slug}) · {review.author ?? 'a former member'} · {fmt.dateTime(review.updatedAt)}
          </p>
          {review.body ? <p className="text-sm break-words whitespace-pre-line text-slate-800">{review.body}</p> : <p className="text-sm text-slate-500 italic">Stars only.</p>}
          {review.reply ? (
            <p className="ml-3 border-l-2 border-slate-200 pl-3 text-sm break-words whitespace-pre-line text-slate-700">
              <span className="block text-xs font-semibold">Partner&apos;s reply</span>
              {review.reply.body}
            </p>
          ) : null}
          {review.hidden ? (
            <p className="text-xs text-amber-900">
              Hidden {fmt.dateTime(review.hidden.at)}: {review.hidden.reason}
            </p>
          ) : null}
          {review.reports.length > 0 ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-slate-700">Reports ({review.reports.length})</summary>
              <ul className="mt-1 flex flex-col gap-1 pl-4">
                {review.reports.map((report) => (
                  <li key={report.id} className="text-slate-700">
                    <span className="break-words">“{report.reason}”</span>{' '}
                    <span className="text-xs text-slate-600">
                      — {report.reporter ?? 'unknown'}, {fmt.dateTime(report.createdAt)}
                      {report.resolvedAt ? ' · resolved' : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {review.hidden ? (
              <ReasonDialog
                trigger={<DialogTrigger asChild><Button type="button" variant="secondary" size="sm">Unhide</Button></DialogTrigger>}
                title="Unhide this review"
                description="It shows on the listing again and counts in the average."
                label="Why unhide it?"
                submitLabel="Unhide"
                onSubmit={act(review, 'unhide', 'The review shows again.')}
              />
            ) : (
              <ReasonDialog
                trigger={<DialogTrigger asChild><Button type="button" variant="danger" size="sm">Hide</Button></DialogTrigger>}
                title="Hide this review"
                description="It leaves the listing and the average; its workspace and the partner still see it, marked hidden with your reason. Its open reports are resolved."
                label="Reason (shown to the workspace and the partner)"
                submitLabel="Hide review"
                variant="danger"
                onSubmit={act(review, 'hide', 'The review is hidden.')}
              />
            )}
            {review.openReports > 0 && !review.hidden ? (
              <ReasonDialog
                trigger={<DialogTrigger asChild><Button type="button" variant="ghost" size="sm">Dismiss reports</Button></DialogTrigger>}
                title="Dismiss the reports"
                description="The review stays; its open reports are closed."
                label="Why is it fine?"
                submitLabel="Dismiss reports"
                onSubmit={act(review, 'dismiss-reports', 'Reports dismissed.')}
              />
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
