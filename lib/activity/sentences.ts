import type { StreakUnit } from '../habits/streaks.ts';
import type { Catalog } from '../i18n/catalog-types.ts';
import type { Translator } from '../i18n/translator.ts';
import type { SentencePart } from './activity-schema.ts';

// Feed sentences, in the reader's language and the workspace's words ("Sam logged Morning run
// (12-day streak)", "Ana completed Launch the spring program"), and which consecutive events
// fold into one item. Pure: lib/activity/feed.ts resolves names first (at read time, so
// renames show and hidden things never do) and picks the translator, then calls these. The
// sentences are messages/<language>/activity.json (sentences.*): names go in as arguments,
// and come back out as their own parts (linked where the reader may go).

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

type SentenceKey = keyof Catalog['activity']['sentences'];
type Values = Record<string, string | number>;
/** Where a part goes in the formatted message: a mark no message or number contains. */
const MARK = '\u0001';

/**
 * The message `key` as parts: `parts` are the names (each one part, or a list's parts) that
 * the message places as {arguments}; `values` are plain values (counts, percentages). The
 * text between them is a part of its own: [Sam][ logged ][Morning run].
 */
function compose(t: Translator, key: SentenceKey, parts: Record<string, SentencePart | SentencePart[]>, values: Values = {}): SentencePart[] {
  const marks = Object.fromEntries(Object.keys(parts).map((name) => [name, `${MARK}${name}${MARK}`]));
  // The key is typed (SentenceKey); the arguments differ from one sentence to the next.
  const say = t as unknown as (key: string, values: Values) => string;
  const formatted = say(`activity.sentences.${key}`, { ...values, ...marks });
  return formatted.split(MARK).flatMap((piece, i): SentencePart[] => {
    if (i % 2 === 0) return piece ? [{ text: piece }] : [];
    const part = parts[piece]!;
    return Array.isArray(part) ? part : [part];
  });
}

const personPart = (t: Translator, person: Named | null): SentencePart => (person ? { text: person.name, href: memberHref(person.id) } : { text: t('activity.sentences.someone') });

/** "12-day streak", "3-week streak", "5-scheduled-day streak", in the reader's language. */
export function streakPhrase(t: Translator, count: number, unit: StreakUnit): string {
  return t(`activity.streak.${unit}`, { count });
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
function listParts(t: Translator, parts: SentencePart[], max = 3): SentencePart[] {
  const shown = parts.length > max ? parts.slice(0, max - 1) : parts;
  const rest = parts.length - shown.length;
  // "A, B" (before "and 2 more"), and "A, B and C" (the last two as a pair).
  const series = (items: SentencePart[]): SentencePart[] => (items.length === 1 ? [items[0]!] : compose(t, 'listStart', { first: items[0]!, rest: series(items.slice(1)) }));
  const ending = (items: SentencePart[]): SentencePart[] =>
    items.length === 1 ? [items[0]!] : items.length === 2 ? compose(t, 'listPair', { first: items[0]!, last: items[1]! }) : compose(t, 'listStart', { first: items[0]!, rest: ending(items.slice(1)) });
  return rest > 0 ? compose(t, 'listMore', { list: series(shown) }, { count: rest }) : ending(shown);
}

/** The sentence of one group (a single event is a group of one), newest event first, in `t`'s language. */
export function describeGroup(group: readonly ResolvedEvent[], t: Translator): SentencePart[] {
  const first = group[0]!;
  const actor = personPart(t, first.actor);
  switch (first.type) {
    case 'goal.created': {
      if (group.length > 1) return compose(t, 'goalsCreated', { actor, list: listParts(t, uniqueBy(group.map((e) => e.goal!)).map(goalPart)) }, { count: group.length });
      if (first.team) return compose(t, 'goalCreatedInTeam', { actor, goalName: goalPart(first.goal!), teamName: teamPart(first.team) });
      return compose(t, 'goalCreated', { actor, goalName: goalPart(first.goal!) });
    }
    case 'goal.completed':
      return compose(t, 'goalCompleted', { actor, goalName: goalPart(first.goal!) });
    case 'goal.updated': {
      if (first.reopened) return compose(t, 'goalReopened', { actor, goalName: goalPart(first.goal!) });
      if (group.length > 1) return compose(t, 'goalMovedTimes', { actor, goalName: goalPart(first.goal!) }, { progress: first.progress ?? 0, count: group.length });
      return compose(t, 'goalMoved', { actor, goalName: goalPart(first.goal!) }, { progress: first.progress ?? 0 });
    }
    case 'goal.commented':
      return group.length > 1
        ? compose(t, 'commentedTimes', { actor, goalName: goalPart(first.goal!) }, { count: group.length })
        : compose(t, 'commented', { actor, goalName: goalPart(first.goal!) });
    case 'habit.created':
      return compose(t, 'habitCreated', { actor, habitName: habitPart(first.habit!) });
    case 'habit.logged': {
      if (group.length > 1) {
        const habits = uniqueBy(group.map((e) => e.habit!));
        if (habits.length > 1) return compose(t, 'loggedMany', { actor, list: listParts(t, habits.map(habitPart)) });
        return compose(t, 'loggedTimes', { actor, habitName: habitPart(first.habit!) }, { count: group.length });
      }
      if (first.streak && first.streak >= 2) return compose(t, 'loggedWithStreak', { actor, habitName: habitPart(first.habit!) }, { streak: streakPhrase(t, first.streak, first.habit!.unit) });
      return compose(t, 'logged', { actor, habitName: habitPart(first.habit!) });
    }
    case 'habit.streak_milestone': {
      const who = first.subject ? personPart(t, first.subject) : actor;
      return compose(t, 'streakReached', { who, habitName: habitPart(first.habit!) }, { streak: streakPhrase(t, first.milestone ?? 0, first.habit!.unit) });
    }
    case 'team.member_added': {
      const who = first.subject ?? first.actor;
      if (first.actor && who && first.actor.id !== who.id) return compose(t, 'memberAdded', { actor, person: personPart(t, who), teamName: teamPart(first.team!) });
      return compose(t, 'memberJoined', { person: personPart(t, who ?? null), teamName: teamPart(first.team!) });
    }
    case 'team.member_removed': {
      const who = first.subject ?? first.actor;
      if (first.actor && who && first.actor.id !== who.id) return compose(t, 'memberRemoved', { actor, person: personPart(t, who), teamName: teamPart(first.team!) });
      return compose(t, 'memberLeft', { person: personPart(t, who ?? null), teamName: teamPart(first.team!) });
    }
    default:
      return compose(t, 'other', { actor }, { type: first.type });
  }
}

function uniqueBy<T extends { id: string }>(values: T[]): T[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value.id) ? false : (seen.add(value.id), true)));
}

export const sentenceText = (parts: readonly SentencePart[]): string => parts.map((part) => part.text).join('');
