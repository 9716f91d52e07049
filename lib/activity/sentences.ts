import { term, type Terminology } from '../branding/terminology.ts';
import type { StreakUnit } from '../habits/streaks.ts';
import type { SentencePart } from './activity-schema.ts';

// Feed sentences, in the workspace's words ("Sam logged Morning run (12-day streak)", "Ana
// completed Launch the spring program"), and which consecutive events fold into one item.
// Pure: lib/activity/feed.ts resolves names first (at read time, so renames show and hidden
// things never do), then calls these.

export interface Named {
  id: string;
  name: string;
}

/** One feed event with everything its sentence needs, already checked visible to the viewer. */
export interface ResolvedEvent {
  id: string;
  seq: bigint;
  type: string;
  at: Date;
  actor: Named | null;
  goal?: Named;
  /** linkable: the viewer's own habit (habit pages are their owner's). */
  habit?: Named & { unit: StreakUnit; linkable: boolean };
  team?: Named;
  /** The member an event is about when it is not the actor (added to a team, a streak's owner). */
  subject?: Named;
  progress?: number;
  streak?: number;
  milestone?: number;
  reopened?: boolean;
}

const memberHref = (id: string) => `/members/${encodeURIComponent(id)}`;
const goalPart = (goal: Named): SentencePart => ({ text: goal.name, href: `/goals/${encodeURIComponent(goal.id)}` });
const habitPart = (habit: NonNullable<ResolvedEvent['habit']>): SentencePart => (habit.linkable ? { text: habit.name, href: `/habits/${encodeURIComponent(habit.id)}` } : { text: habit.name });
const teamPart = (team: Named): SentencePart => ({ text: team.name, href: `/teams/${encodeURIComponent(team.id)}` });
const personPart = (person: Named | null): SentencePart => (person ? { text: person.name, href: memberHref(person.id) } : { text: 'Someone' });
const text = (value: string): SentencePart => ({ text: value });

/** "12-day streak", "3-week streak", "5-scheduled-day streak". */
export function streakPhrase(count: number, unit: StreakUnit): string {
  const word = unit === 'days' ? 'day' : unit === 'weeks' ? 'week' : 'scheduled-day';
  return `${count}-${word} streak`;
}

/** Types whose items carry kudos; never grouped (each one is celebrated on its own). */
export const KUDOS_TYPES = ['goal.completed', 'habit.streak_milestone'] as const;
export const isKudosType = (type: string): boolean => (KUDOS_TYPES as readonly string[]).includes(type);

/** Events within this span of each other may fold into one item. */
const GROUP_WINDOW_MS = 6 * 60 * 60 * 1000;

/**
 * The key under which consecutive events fold together, or null when an event stands alone:
 * the same person logging habits, moving the same goal's progress or commenting on the same goal.
 */
export function groupKey(event: ResolvedEvent): string | null {
  if (isKudosType(event.type) || !event.actor) return null;
  switch (event.type) {
    case 'habit.logged':
      return `${event.actor.id}|habit.logged`;
    case 'goal.updated':
      return event.goal && event.progress !== undefined ? `${event.actor.id}|progress|${event.goal.id}` : null;
    case 'goal.commented':
      return event.goal ? `${event.actor.id}|commented|${event.goal.id}` : null;
    case 'goal.created':
      return `${event.actor.id}|goal.created`;
    default:
      return null;
  }
}

/** Whether `event` (the older) folds into the group whose oldest event so far is `oldest`. */
export function continuesGroup(oldest: ResolvedEvent, event: ResolvedEvent): boolean {
  const key = groupKey(event);
  return key !== null && key === groupKey(oldest) && oldest.at.getTime() - event.at.getTime() <= GROUP_WINDOW_MS;
}

/** Folds consecutive similar events (newest first in, newest first out) into groups. */
export function groupEvents(events: readonly ResolvedEvent[]): ResolvedEvent[][] {
  const groups: ResolvedEvent[][] = [];
  let current: ResolvedEvent[] | null = null;
  for (const event of events) {
    if (current && continuesGroup(current[current.length - 1]!, event)) {
      current.push(event);
      continue;
    }
    current = [event];
    groups.push(current);
  }
  return groups;
}

/** "A, B and C", "A, B and 2 more" as sentence parts. */
function listParts(parts: SentencePart[], max = 3): SentencePart[] {
  const shown = parts.length > max ? parts.slice(0, max - 1) : parts;
  const rest = parts.length - shown.length;
  const out: SentencePart[] = [];
  shown.forEach((part, i) => {
    if (i > 0) out.push(text(i === shown.length - 1 && rest === 0 ? ' and ' : ', '));
    out.push(part);
  });
  if (rest > 0) out.push(text(` and ${rest} more`));
  return out;
}

/** The sentence of one group (a single event is a group of one), newest event first. */
export function describeGroup(group: readonly ResolvedEvent[], t: Terminology): SentencePart[] {
  const first = group[0]!;
  const actor = personPart(first.actor);
  switch (first.type) {
    case 'goal.created': {
      if (group.length > 1) return [actor, text(` created ${group.length} ${term(t, 'goals')}: `), ...listParts(uniqueBy(group.map((e) => e.goal!)).map(goalPart))];
      return [actor, text(` created the ${term(t, 'goal')} `), goalPart(first.goal!), ...(first.team ? [text(' in '), teamPart(first.team)] : [])];
    }
    case 'goal.completed':
      return [actor, text(' completed '), goalPart(first.goal!)];
    case 'goal.updated': {
      if (first.reopened) return [actor, text(' reopened '), goalPart(first.goal!)];
      const updates = group.length > 1 ? ` (${group.length} updates)` : '';
      return [actor, text(' moved '), goalPart(first.goal!), text(` to ${first.progress}%${updates}`)];
    }
    case 'goal.commented':
      return group.length > 1 ? [actor, text(` left ${group.length} comments on `), goalPart(first.goal!)] : [actor, text(' commented on '), goalPart(first.goal!)];
    case 'habit.created':
      return [actor, text(` started the ${term(t, 'habit')} `), habitPart(first.habit!)];
    case 'habit.logged': {
      if (group.length > 1) {
        const habits = uniqueBy(group.map((e) => e.habit!));
        if (habits.length > 1) return [actor, text(' logged '), ...listParts(habits.map(habitPart))];
        return [actor, text(' logged '), habitPart(first.habit!), text(` ${group.length} times`)];
      }
      const streak = first.streak && first.streak >= 2 ? ` (${streakPhrase(first.streak, first.habit!.unit)})` : '';
      return [actor, text(' logged '), habitPart(first.habit!), ...(streak ? [text(streak)] : [])];
    }
    case 'habit.streak_milestone': {
      const who = first.subject ? personPart(first.subject) : actor;
      return [who, text(` reached a ${streakPhrase(first.milestone ?? 0, first.habit!.unit)} on `), habitPart(first.habit!)];
    }
    case 'team.member_added': {
      const who = first.subject ?? first.actor;
      if (first.actor && who && first.actor.id !== who.id) return [actor, text(' added '), personPart(who), text(' to '), teamPart(first.team!)];
      return [personPart(who ?? null), text(' joined '), teamPart(first.team!)];
    }
    case 'team.member_removed': {
      const who = first.subject ?? first.actor;
      if (first.actor && who && first.actor.id !== who.id) return [actor, text(' removed '), personPart(who), text(' from '), teamPart(first.team!)];
      return [personPart(who ?? null), text(' left '), teamPart(first.team!)];
    }
    default:
      return [actor, text(` ${first.type}`)];
  }
}

function uniqueBy<T extends { id: string }>(values: T[]): T[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value.id) ? false : (seen.add(value.id), true)));
}

export const sentenceText = (parts: readonly SentencePart[]): string => parts.map((part) => part.text).join('');
