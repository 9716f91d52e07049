import ical, { ICalAlarmType, ICalEventTransparency } from 'ical-generator';
import { tenantOrigin } from '../../config/env.ts';
import { term, type Terminology } from '../../branding/terminology.ts';
import { addDays } from '../../habits/local-date.ts';
import type { FeedItem } from './feed-items.ts';
import { REMINDER_HOUR, REMINDER_MINUTES } from './habit-reminders.ts';
import { vtimezone } from './vtimezone.ts';
import { allDayDate, wallClock } from './wall-clock.ts';

// The iCalendar text of a member's feed. Deterministic for the same data (DTSTAMP is each
// item's last change, not the time of the request), so the route's ETag only changes when
// the feed does.

export interface FeedOwner {
  tenant: { slug: string; name: string; terminology: Terminology };
  timeZone: string;
}

export function renderFeed(owner: FeedOwner, items: FeedItem[]): string {
  const origin = tenantOrigin(owner.tenant.slug);
  const host = new URL(origin).hostname;
  const terms = owner.tenant.terminology;
  const calendar = ical({
    name: `${owner.tenant.name}: ${term(terms, 'goals', true)} and ${term(terms, 'habits')}`,
    prodId: { company: 'Waypoint', product: 'Calendar feed', language: 'EN' },
    // Calendar apps poll on their own schedule; this is the hint for those that read it.
    ttl: 60 * 60,
  });
  calendar.timezone({ name: null, generator: (zone) => vtimezone(zone) });

  for (const item of items) {
    if (item.kind === 'goal') {
      calendar.createEvent({
        id: `goal-${item.id}@${host}`,
        start: allDayDate(item.date),
        end: allDayDate(addDays(item.date, 1)),
        allDay: true,
        summary: `${term(terms, 'goal', true)} due: ${item.title}`,
        description: [item.description, `${item.progress}% done`, `${origin}/goals/${item.id}`].filter(Boolean).join('\n\n'),
        url: `${origin}/goals/${item.id}`,
        stamp: item.updatedAt,
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    } else if (item.kind === 'milestone') {
      calendar.createEvent({
        id: `milestone-${item.id}@${host}`,
        start: allDayDate(item.date),
        end: allDayDate(addDays(item.date, 1)),
        allDay: true,
        summary: `Milestone: ${item.title}`,
        description: `${item.goalTitle}\n\n${origin}/goals/${item.goalId}`,
        url: `${origin}/goals/${item.goalId}`,
        stamp: item.updatedAt,
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    } else {
      const start = item.recurrence.firstDate;
      calendar.createEvent({
        id: `habit-${item.id}@${host}`,
        start: wallClock(owner.timeZone, start, REMINDER_HOUR, 0),
        end: wallClock(owner.timeZone, start, REMINDER_HOUR, REMINDER_MINUTES),
        timezone: owner.timeZone,
        repeating: item.recurrence.rule,
        summary: `${term(terms, 'habit', true)}: ${item.name}`,
        description: [item.scheduleLabel, item.description, `${origin}/habits/${item.id}`].filter(Boolean).join('\n\n'),
        url: `${origin}/habits/${item.id}`,
        stamp: item.updatedAt,
        transparency: ICalEventTransparency.TRANSPARENT,
        alarms: [{ type: ICalAlarmType.display, trigger: 0, description: item.name }],
      });
    }
  }
  return calendar.toString();
}
