import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../lib/format/formatter.ts';
import { LANGUAGES } from '../../lib/i18n/languages.ts';
import { translatorFor } from '../../lib/i18n/translator.ts';
import { insightHref, insightMessage } from '../../lib/insights/insight-sentence.ts';
import type { InsightItem } from '../../lib/insights/insight-types.ts';

// Every kind of insight reads as one whole sentence in every language: each message parses,
// gets every value it asks for, and shows the numbers behind it.

const base = { id: 'isg_1', scope: 'member' as const, teamId: null, teamName: null, goal: null, createdAt: new Date(), updatedAt: new Date(), expiresAt: new Date() };

const ITEMS: InsightItem[] = [
  { ...base, kind: 'streak_at_risk', subject: { type: 'habit', id: 'h1', name: 'Read' }, data: { localDate: '2026-12-08', currentStreak: 12, streakUnit: 'days', usualLogHour: 8, loggedByNowRate: 0.86, sampleDays: 21 } },
  { ...base, kind: 'best_weekday', subject: { type: 'habit', id: 'h1', name: 'Read' }, data: { weekday: 2, rate: 1, logged: 8, scheduled: 8, otherRate: 0.5, weeks: 8, weekStart: '2026-12-07' } },
  { ...base, kind: 'worst_weekday', subject: { type: 'habit', id: 'h1', name: 'Read' }, data: { weekday: 1, rate: 0.25, logged: 2, scheduled: 8, otherRate: 0.9, weeks: 8, weekStart: '2026-12-07' } },
  { ...base, kind: 'goal_at_risk', scope: 'team', teamId: 't1', teamName: 'Design', subject: { type: 'goal', id: 'g1', name: 'Launch' }, data: { progress: 20, expectedProgress: 60, elapsedShare: 0.6, daysLeft: 12, targetDate: '2026-12-20', localDate: '2026-12-08' } },
  { ...base, kind: 'milestone_due_soon', subject: { type: 'milestone', id: 'm1', name: 'Outline' }, goal: { id: 'g1', title: 'Book' }, data: { goalId: 'g1', dueDate: '2026-12-09', daysLeft: 1, localDate: '2026-12-08' } },
  {
    ...base,
    kind: 'team_momentum',
    scope: 'team',
    teamId: 't1',
    teamName: 'Design',
    subject: { type: 'team', id: 't1', name: 'Design' },
    data: { weekStart: '2026-11-30', week: { habitLogs: 30, progressUpdates: 4 }, previousWeek: { habitLogs: 20, progressUpdates: 4 }, total: 34, previousTotal: 24, changePercent: 42, direction: 'up' },
  },
];

describe('insight sentences', () => {
  it.each(LANGUAGES)('%s: every kind is a whole sentence with its numbers', async (language) => {
    const t = await translatorFor(language);
    const fmt = createFormatter({ locale: language, timeZone: 'UTC' });
    for (const item of ITEMS) {
      const { key, values } = insightMessage(item, fmt);
      const text = t(`insights.${key}`, values);
      expect(text, `${language} ${item.kind}`).not.toContain('insights.');
      expect(text).not.toMatch(/[{}]/);
      expect(text).toContain(item.subject.name);
      if (item.goal) expect(text).toContain(item.goal.title);
      if (item.teamName) expect(text).toContain(item.teamName);
    }
  });

  it('in English, with the numbers behind each', async () => {
    const t = await translatorFor('en');
    const fmt = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
    const words = ITEMS.map((item) => {
      const { key, values } = insightMessage(item, fmt);
      return t(`insights.${key}`, values);
    });
    expect(words).toEqual([
      'Your streak on Read (12 days) is at risk: on 86% of recent days you had logged it by now, usually by 8:00 AM.',
      'Tuesday is your best day for Read: done 8 of 8 times (100%), against 50% on the other days.',
      'Monday is when Read slips most: done 2 of 8 times (25%), against 90% on the other days.',
      'Design: Launch is behind pace: 20% done with 60% of its time gone, 12 days left.',
      'Milestone Outline of Book is due tomorrow (Dec 9, 2026).',
      'Design was more active last week: 34 logs and progress updates, against 24 the week before (up 42%).',
    ]);
    expect(ITEMS.map(insightHref)).toEqual(['/habits/h1', '/habits/h1', '/habits/h1', '/goals/g1', '/goals/g1', '/teams/t1']);
  });
});
