'use client';

import { useTranslations } from 'next-intl';
import type { HabitView } from '@/lib/habits/habit-schema';
import { useStreakText } from './habit-words';

export function StreakStats({ streak }: { streak: HabitView['streak'] }) {
  const t = useTranslations('habits');
  const streakText = useStreakText();
  return (
    <dl className="flex gap-6 text-sm">
      <div>
        <dt className="text-slate-500">{t('currentStreak')}</dt>
        <dd data-testid="current-streak" className="font-semibold text-slate-900">
          {streakText(streak.current, streak.unit)}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">{t('longestStreak')}</dt>
        <dd data-testid="longest-streak" className="font-semibold text-slate-900">
          {streakText(streak.longest, streak.unit)}
        </dd>
      </div>
    </dl>
  );
}
