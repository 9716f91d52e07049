import type { Formatter } from '../format/formatter.ts';
import type { InsightItem, InsightKind } from './insight-types.ts';

// One insight as one sentence in the reader's language: the message is insights.kinds.<kind>
// (messages/<language>/insights.json), and these are its values, formatted for the reader's
// locale (percentages, the hour of day, weekday names). The dashboard (client) and the weekly
// digest (server) both word insights through it.

export type InsightMessageKey = `kinds.${InsightKind}`;

/** "Tuesday": weekday 0 = Sunday, as the rules count (6 December 2026 is a Sunday). */
function weekdayName(locale: string, weekday: number): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 11, 6 + weekday)));
}

/** "8:00 AM", "08:00": the hour as the locale writes a time of day. */
function hourOfDay(locale: string, hour: number): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 1, hour)));
}

export function insightMessage(item: InsightItem, fmt: Formatter): { key: InsightMessageKey; values: Record<string, string | number> } {
  const { locale } = fmt.settings;
  const name = item.subject.name;
  switch (item.kind) {
    case 'streak_at_risk':
      return {
        key: 'kinds.streak_at_risk',
        values: { name, count: item.data.currentStreak, unit: item.data.streakUnit, hour: hourOfDay(locale, item.data.usualLogHour), rate: fmt.percent(item.data.loggedByNowRate) },
      };
    case 'best_weekday':
    case 'worst_weekday':
      return {
        key: `kinds.${item.kind}`,
        values: { name, weekday: weekdayName(locale, item.data.weekday), logged: item.data.logged, scheduled: item.data.scheduled, rate: fmt.percent(item.data.rate), otherRate: fmt.percent(item.data.otherRate) },
      };
    case 'goal_at_risk':
      return {
        key: 'kinds.goal_at_risk',
        values: { name, progress: fmt.percent(item.data.progress / 100), expected: fmt.percent(item.data.expectedProgress / 100), daysLeft: item.data.daysLeft, teamName: item.teamName ?? '', isTeam: item.teamName ? 'yes' : 'no' },
      };
    case 'milestone_due_soon':
      return { key: 'kinds.milestone_due_soon', values: { name, goalTitle: item.goal?.title ?? '', daysLeft: item.data.daysLeft, date: fmt.day(item.data.dueDate) } };
    case 'team_momentum':
      return {
        key: 'kinds.team_momentum',
        values: {
          teamName: name,
          direction: item.data.direction,
          total: item.data.total,
          previousTotal: item.data.previousTotal,
          hasChange: item.data.changePercent === null ? 'no' : 'yes',
          change: item.data.changePercent === null ? '' : fmt.percent(Math.abs(item.data.changePercent) / 100),
        },
      };
  }
}

/** Where an insight leads: its habit, goal (a milestone's goal) or team. */
export function insightHref(item: InsightItem): string {
  switch (item.subject.type) {
    case 'habit':
      return `/habits/${item.subject.id}`;
    case 'goal':
      return `/goals/${item.subject.id}`;
    case 'milestone':
      return `/goals/${item.goal?.id ?? ''}`;
    case 'team':
      return `/teams/${item.subject.id}`;
  }
}
