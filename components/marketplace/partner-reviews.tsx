'use client';

import { useRouter } from 'next/navigation';
import { Flag } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DialogTrigger } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { toast } from '@/components/ui/toaster';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/http/api-client';
import type { PartnerReviewView } from '@/lib/marketplace/rating-schema';
import { ReasonDialog, ReviewItem, TextAreaField } from './review-parts';

// The partner's reviews of one app: each with its one public reply (a form until there is
// one), its open reports, and a Report button for abuse.

export function PartnerReviewList({ appId, reviews, canReply, partnerName }: { appId: string; reviews: PartnerReviewView[]; canReply: boolean; partnerName: string }) {
  const t = useTranslations('marketplaceReviews');
  const router = useRouter();
  return (
    <div className="divide-y divide-slate-100" data-testid="partner-reviews">
      {reviews.map((review) => (
        <ReviewItem
          key={review.id}
          review={review}
          partnerName={partnerName}
          badges={
            <>
              {review.hidden ? <Badge tone="warning">{t('hidden')}</Badge> : null}
              {review.openReports > 0 ? <Badge tone="danger">{t('openReports', { count: review.openReports })}</Badge> : null}
            </>
          }
          actions={
            review.hidden ? null : (
              <ReasonDialog
                trigger={
                  <DialogTrigger asChild>
                    <Button type="button" variant="ghost" size="sm" aria-label={t('reportLabel', { stars: review.stars })}>
                      <Flag aria-hidden /> {t('report')}
                    </Button>
                  </DialogTrigger>
                }
                title={t('reportTitle')}
                description={t('partner.reportDescription')}
                label={t('reportReason')}
                submitLabel={t('sendReport')}
                onSubmit={async (reason) => {
                  await api(`/api/partner/apps/${encodeURIComponent(appId)}/reviews/${encodeURIComponent(review.id)}/reports`, { method: 'POST', json: { reason } });
                  toast.success(t('partner.reported'));
                  router.refresh();
                }}
              />
            )
          }
        >
          {!review.reply && !review.hidden && canReply ? <ReplyForm appId={appId} reviewId={review.id} onDone={() => router.refresh()} /> : null}
        </ReviewItem>
      ))}
    </div>
  );
}

function ReplyForm({ appId, reviewId, onDone }: { appId: string; reviewId: string; onDone: () => void }) {
  const t = useTranslations('marketplaceReviews.partner');
  const [body, setBody] = useState('');
  const form = useFormSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    await form.submit(async () => {
      await api(`/api/partner/apps/${encodeURIComponent(appId)}/reviews/${encodeURIComponent(reviewId)}/reply`, { method: 'POST', json: { body } });
      toast.success(t('replyPublished'));
      onDone();
    });
  }
  return (
    <form onSubmit={submit} noValidate className="ms-3 flex flex-col gap-2 border-s-2 border-slate-200 ps-3" data-testid="reply-form">
      <FormAlert message={form.alert} />
      <TextAreaField label={t('replyLabel')} value={body} onChange={setBody} error={form.errors.body} rows={3} maxLength={2000} name="reply" hint={t('replyHint')} />
      <div>
        <Button type="submit" size="sm" disabled={form.pending}>
          {form.pending ? t('publishing') : t('publishReply')}
        </Button>
      </div>
    </form>
  );
}
