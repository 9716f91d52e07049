'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { CoachMessageView } from '@/lib/coach/conversations';
import { useFormat } from '@/lib/format/format-context';
import { api } from '@/lib/http/api-client';

/** What the coach proposed in an answer, with the member's one click: add it, or dismiss it. */
export function ProposalCard({ message, canAccept, onChange }: { message: CoachMessageView; canAccept: boolean; onChange: (next: CoachMessageView) => void }) {
  const t = useTranslations('coach.proposal');
  const format = useFormat();
  const decide = useMutation({
    mutationFn: (decision: 'accept' | 'dismiss') => api<CoachMessageView>(`/api/app/coach/messages/${message.id}/${decision}`, { method: 'POST' }),
    onSuccess: onChange,
  });
  const proposal = message.proposal;
  if (!proposal) return null;
  const title = proposal.type === 'goal' ? proposal.title : proposal.name;
  const schedule =
    proposal.type === 'habit'
      ? proposal.schedule === 'daily'
        ? t('daily')
        : proposal.schedule === 'weekly_days'
          ? `${t('weeklyDays')}: ${(proposal.schedule_days ?? []).map((day) => format.weekday(`2023-01-0${day + 1}`, 'short')).join(', ')}`
          : t('timesPerWeek', { count: proposal.times_per_week ?? 1 })
      : null;
  const href = message.acceptedId ? (proposal.type === 'goal' ? `/goals/${message.acceptedId}` : `/habits/${message.acceptedId}`) : null;
  return (
    <section aria-label={proposal.type === 'goal' ? t('goal') : t('habit')} className="mt-3 rounded-md border border-brand/30 bg-white p-3 text-sm text-slate-800" data-testid="coach-proposal">
      <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{proposal.type === 'goal' ? t('goal') : t('habit')}</p>
      <p className="mt-1 font-semibold break-words text-slate-900">{title}</p>
      {proposal.description ? <p className="mt-1 break-words text-slate-700">{proposal.description}</p> : null}
      {schedule ? <p className="mt-1 text-slate-600">{schedule}</p> : null}
      {proposal.type === 'goal' && proposal.target_date ? <p className="mt-1 text-slate-600">{t('due', { date: format.day(proposal.target_date) })}</p> : null}
      <FormAlert message={decide.error?.message} />
      {message.proposalStatus === 'accepted' ? (
        <p className="mt-2 flex flex-wrap items-center gap-2 font-medium text-green-800" role="status">
          {t('accepted')}
          {href ? (
            <Link href={href} className="text-brand underline">
              {proposal.type === 'goal' ? t('openGoal') : t('openHabit')}
            </Link>
          ) : null}
        </p>
      ) : message.proposalStatus === 'dismissed' ? (
        <p className="mt-2 text-slate-600" role="status">
          {t('dismissed')}
        </p>
      ) : canAccept ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button size="sm" disabled={decide.isPending} onClick={() => decide.mutate('accept')}>
            {t('accept')}
          </Button>
          <Button size="sm" variant="secondary" disabled={decide.isPending} onClick={() => decide.mutate('dismiss')}>
            {t('dismiss')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
