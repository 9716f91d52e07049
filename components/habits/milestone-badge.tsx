'use client';

import { useFormat } from '@/lib/format/format-context';
import { formatStreak } from '@/lib/habits/habit-labels';
import type { HabitView } from '@/lib/habits/habit-schema';

/** Shown while the current streak is at or past 7, 30 or 100. */
export function MilestoneBadge({ streak }: { streak: HabitView['streak'] }) {
  const fmt = useFormat();
  if (streak.milestone === null) return null;
  return (
    <span data-testid="milestone-badge" className="inline-flex items-center gap-1 rounded-full bg-brand-accent/15 px-2 py-0.5 text-xs font-semibold text-slate-900 ring-1 ring-brand-accent">
      <span aria-hidden>★</span> {formatStreak(streak.milestone, streak.unit, fmt)} milestone
    </span>
  );
}
