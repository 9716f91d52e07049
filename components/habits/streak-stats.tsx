'use client';

import { useFormat } from '@/lib/format/format-context';
import { formatStreak } from '@/lib/habits/habit-labels';
import type { HabitView } from '@/lib/habits/habit-schema';

export function StreakStats({ streak }: { streak: HabitView['streak'] }) {
  const fmt = useFormat();
  return (
    <dl className="flex gap-6 text-sm">
      <div>
        <dt className="text-slate-500">Current streak</dt>
        <dd data-testid="current-streak" className="font-semibold text-slate-900">
          {formatStreak(streak.current, streak.unit, fmt)}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Longest</dt>
        <dd data-testid="longest-streak" className="font-semibold text-slate-900">
          {formatStreak(streak.longest, streak.unit, fmt)}
        </dd>
      </div>
    </dl>
  );
}
