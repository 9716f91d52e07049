'use client';

import { Star } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { useFieldError } from '@/components/ui/field-error';
import { cn } from '@/components/ui/cn';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { useFormat } from '@/lib/format/format-context';
import { STARS, type RatingSummary, type ReviewView } from '@/lib/marketplace/rating-schema';

// The pieces every review screen shares: stars (shown, and picked as a radio group), the
// rating summary, a labelled text area, one review with the partner's reply, and a dialog that
// asks for a reason (reporting, hiding, unhiding).

/** Read-only stars; the accessible name says the rating in words. */
export function StarDisplay({ value, size = 'sm', className }: { value: number; size?: 'sm' | 'lg'; className?: string }) {
  const t = useTranslations('marketplaceReviews');
  const rounded = Math.round(value * 2) / 2;
  return (
    <span role="img" aria-label={t('outOfFive', { stars: rounded })} className={cn('inline-flex items-center', className)}>
      {STARS.map((n) => {
        const fill = rounded >= n ? 'full' : rounded >= n - 0.5 ? 'half' : 'none';
        return (
          <span key={n} className="relative inline-block" aria-hidden>
            <Star className={cn(size === 'lg' ? 'size-6' : 'size-4', 'text-slate-400')} strokeWidth={1.5} />
            {fill !== 'none' ? (
              <span className={cn('absolute inset-0 overflow-hidden', fill === 'half' ? 'w-1/2' : 'w-full')}>
                <Star className={cn(size === 'lg' ? 'size-6' : 'size-4', 'fill-amber-500 text-amber-600')} strokeWidth={1.5} />
              </span>
            ) : null}
          </span>
        );
      })}
    </span>
  );
}

/** Picking 1–5 stars: a radio group (arrow keys move, each radio is named "3 stars"). */
export function StarInput({ value, onChange, error, legend: legendProp }: { value: number | null; onChange: (stars: number) => void; error?: string; legend?: string }) {
  const t = useTranslations('marketplaceReviews');
  const legend = legendProp ?? t('yourRating');
  const name = useId();
  const errorId = `${name}-error`;
  const [hover, setHover] = useState<number | null>(null);
  const { shown, onEdit } = useFieldError(error);
  const lit = hover ?? value ?? 0;
  return (
    <fieldset aria-describedby={shown ? errorId : undefined} aria-invalid={shown ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 flex items-center gap-0.5" role="radiogroup" aria-label={legend} onMouseLeave={() => setHover(null)}>
        {STARS.map((n) => (
          <label key={n} className="relative cursor-pointer rounded p-1" onMouseEnter={() => setHover(n)}>
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => {
                onEdit();
                onChange(n);
              }}
              aria-label={t('stars', { count: n })}
              className="peer absolute inset-0 m-0 cursor-pointer opacity-0"
            />
            <Star
              aria-hidden
              strokeWidth={1.5}
              className={cn('size-7 rounded peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand', n <= lit ? 'fill-amber-500 text-amber-600' : 'text-slate-500')}
            />
          </label>
        ))}
        <span className="ms-2 text-sm text-slate-600" aria-hidden>
          {value ? t('stars', { count: value }) : t('notRated')}
        </span>
      </div>
      {shown ? (
        <p id={errorId} className="text-sm text-red-600">
          {shown}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The average, the count and a bar per star. */
export function RatingSummaryView({ summary }: { summary: RatingSummary }) {
  const t = useTranslations('marketplaceReviews');
  const fmt = useFormat();
  if (summary.count === 0 || summary.average === null)
    return (
      <p className="text-sm text-slate-600" data-testid="rating-summary">
        {t('noReviews')}
      </p>
    );
  const most = Math.max(...summary.distribution, 1);
  return (
    <div className="flex flex-wrap items-center gap-6" data-testid="rating-summary">
      <div className="flex flex-col items-start gap-1">
        <p className="text-4xl font-bold text-slate-900 tabular-nums" data-testid="rating-average">
          {t('average', { average: summary.average })}
        </p>
        <StarDisplay value={summary.average} size="lg" />
        <p className="text-sm text-slate-600" data-testid="rating-count">
          {t('reviewCount', { count: summary.count })}
        </p>
      </div>
      <ul className="flex min-w-48 flex-1 flex-col gap-1" aria-label={t('perRating')}>
        {[...STARS].reverse().map((n) => {
          const count = summary.distribution[n - 1];
          return (
            <li key={n} className="flex items-center gap-2 text-xs text-slate-700">
              <span className="w-14 shrink-0">{t('stars', { count: n })}</span>
              <span className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                <span className="block h-full rounded-full bg-amber-500" style={{ width: `${(count / most) * 100}%` }} />
              </span>
              <span className="w-8 shrink-0 text-end tabular-nums">{fmt.number(count)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A labelled multi-line field whose error or hint is announced with it. */
export function TextAreaField({ label, value, onChange, error, hint, rows = 4, maxLength, name, required }: { label: string; value: string; onChange: (value: string) => void; error?: string; hint?: ReactNode; rows?: number; maxLength?: number; name?: string; required?: boolean }) {
  const id = useId();
  const { shown, onEdit } = useFieldError(error);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        required={required}
        maxLength={maxLength ? maxLength + 50 : undefined}
        onChange={(event) => {
          onEdit();
          onChange(event.target.value);
        }}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={`rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${shown ? 'border-red-500' : 'border-slate-300'}`}
      />
      {shown ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {shown}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** One review: stars, when, the text, the partner's reply; `actions` go on its first line. */
export function ReviewItem({ review, partnerName, badges, actions, children }: { review: ReviewView; partnerName?: string; badges?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  const t = useTranslations('marketplaceReviews');
  const fmt = useFormat();
  const edited = new Date(review.updatedAt).getTime() - new Date(review.createdAt).getTime() > 60_000;
  return (
    <article className="flex flex-col gap-2 py-4" data-testid="review" aria-label={t('reviewLabel', { stars: review.stars })}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <StarDisplay value={review.stars} />
        <span className="text-xs text-slate-600">
          {edited ? t('edited', { date: fmt.date(review.createdAt), edited: fmt.date(review.updatedAt) }) : fmt.date(review.createdAt)}
        </span>
        {badges}
        {actions ? <span className="ms-auto flex flex-wrap gap-2">{actions}</span> : null}
      </div>
      {review.body ? <p className="text-sm break-words whitespace-pre-line text-slate-800">{review.body}</p> : null}
      {review.hidden ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {review.hidden.reason ? t('hiddenByTeamReason', { date: fmt.date(review.hidden.at), reason: review.hidden.reason }) : t('hiddenByTeam', { date: fmt.date(review.hidden.at) })}
        </p>
      ) : null}
      {review.reply ? (
        <div className="ms-3 border-s-2 border-slate-200 ps-3" data-testid="review-reply">
          <p className="text-xs font-semibold text-slate-700">
            {t.rich(partnerName ? 'replyFrom' : 'replyFromDeveloper', { partner: partnerName ?? '', date: fmt.date(review.reply.at), muted: (chunks) => <span className="font-normal">{chunks}</span> })}
          </p>
          <p className="text-sm break-words whitespace-pre-line text-slate-800">{review.reply.body}</p>
        </div>
      ) : null}
      {children}
    </article>
  );
}

/** A button that opens a dialog asking for a reason, then runs `onSubmit(reason)` (errors show in the dialog). */
export function ReasonDialog({
  trigger,
  title,
  description,
  label,
  submitLabel,
  variant = 'primary',
  onSubmit,
}: {
  trigger: ReactNode;
  title: string;
  description?: string;
  label: string;
  submitLabel: string;
  variant?: 'primary' | 'danger';
  onSubmit: (reason: string) => Promise<void>;
}) {
  const t = useTranslations('marketplaceReviews');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const form = useFormSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    await form.submit(async () => {
      await onSubmit(reason);
      setOpen(false);
      setReason('');
    });
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger}
      <DialogContent title={title} description={description}>
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <FormAlert message={form.alert} />
          <TextAreaField label={label} value={reason} onChange={setReason} error={form.errors.reason} rows={3} maxLength={500} name="reason" />
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                {t('cancel')}
              </Button>
            </DialogClose>
            <Button type="submit" variant={variant} disabled={form.pending}>
              {form.pending ? t('sending') : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
