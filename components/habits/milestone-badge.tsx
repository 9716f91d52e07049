'use client';

import { useTranslations } from 'next-intl';
import type { HabitView } from '@/lib/habits/habit-schema';
import { useStreakText } from './habit-words';

const STAR = '★';

/** Shown while the current streak is at or past 7, 30 or 100. */
export function MilestoneBadge({ streak }: { streak: HabitView['streak'] }) {
  const t = useTranslations('habits');
  const streakText = useStreakText();
  if (streak.milestone === null) return null;
  return (
    <span data-testid="milestone-badge" className="inline-flex items-center gap-1 rounded-full bg-brand-accent/15 px-2 py-0.5 text-xs font-semibold text-slate-900 ring-1 ring-brand-accent">
      <span aria-hidden>{STAR}</span> {t('milestone', { streak: streakText(streak.milestone, streak.unit) })}
    </span>
  );
}
