import { beforeAll, describe, expect, it } from 'vitest';
import { describeGroup, groupEvents, sentenceText, streakPhrase, type ResolvedEvent } from '../../lib/activity/sentences.ts';
import { DEFAULT_TERMINOLOGY, resolveTerminology, type Terminology } from '../../lib/branding/terminology.ts';
import { translatorFor, type Translator } from '../../lib/i18n/translator.ts';

const sam = { id: 'u_sam', name: 'Sam' };
const ana = { id: 'u_ana', name: 'Ana' };
const run = { id: 'h_run', name: 'Morning run', unit: 'days' as const, linkable: false };
const read = { id: 'h_read', name: 'Reading', unit: 'days' as const, linkable: true };
let seq = 1000n;
const at = (minutesAgo: number) => new Date(Date.UTC(2026, 11, 6, 12) - minutesAgo * 60_000);

function event(partial: Partial<ResolvedEvent> & { type: string }, minutesAgo = 0): ResolvedEvent {
  seq -= 1n;
  return { id: `evt_${seq}`, seq, at: at(minutesAgo), actor: sam, ...partial };
}

/** The feed's translators: English in the default words, English in a workspace's own, German. */
let english: Translator;
let worded: Translator;
let german: Translator;
const words = (terminology: Terminology) => ({ terminology, localizedTerminology: {} });
beforeAll(async () => {
  english = await translatorFor('en', words(DEFAULT_TERMINOLOGY));
  worded = await translatorFor('en', words(resolveTerminology({ goal: 'objective', habit: 'ritual' })));
  german = await translatorFor('de', words(DEFAULT_TERMINOLOGY));
});

const say = (events: ResolvedEvent[], t?: Translator) => groupEvents(events).map((g) => sentenceText(describeGroup(g, t ?? english)));

describe('feed sentences', () => {
  it('say who did what, with the streak and in the workspace’s words', () => {
    expect(say([event({ type: 'habit.logged', habit: run, streak: 12 })])).toEqual(['Sam logged Morning run (12-day streak)']);
    expect(say([event({ type: 'habit.logged', habit: run, streak: 1 })])).toEqual(['Sam logged Morning run']);
    expect(say([event({ type: 'goal.completed', actor: ana, goal: { id: 'g1', name: 'Launch the spring program' } })])).toEqual(['Ana completed Launch the spring program']);
    expect(say([event({ type: 'goal.created', goal: { id: 'g1', name: 'Q3 pipeline' } })], worded)).toEqual(['Sam created the objective Q3 pipeline']);
    expect(say([event({ type: 'habit.created', habit: run })], worded)).toEqual(['Sam started the ritual Morning run']);
    expect(say([event({ type: 'habit.streak_milestone', actor: sam, subject: ana, habit: { ...run, unit: 'weeks' }, milestone: 30 })])).toEqual(['Ana reached a 30-week streak on Morning run']);
    expect(say([event({ type: 'team.member_added', actor: ana, subject: sam, team: { id: 't1', name: 'Crew' } })])).toEqual(['Ana added Sam to Crew']);
    expect(say([event({ type: 'team.member_added', actor: sam, subject: sam, team: { id: 't1', name: 'Crew' } })])).toEqual(['Sam joined Crew']);
    expect(say([event({ type: 'team.member_removed', actor: sam, subject: sam, team: { id: 't1', name: 'Crew' } })])).toEqual(['Sam left Crew']);
    expect(streakPhrase(english, 5, 'occurrences')).toBe('5-scheduled-day streak');
  });

  it('link names only where the viewer may go (a habit page is its owner’s)', () => {
    const parts = describeGroup([event({ type: 'habit.logged', habit: run }), event({ type: 'habit.logged', habit: read })], english);
    expect(parts).toEqual([{ text: 'Sam', href: '/members/u_sam' }, { text: ' logged ' }, { text: 'Morning run' }, { text: ' and ' }, { text: 'Reading', href: '/habits/h_read' }]);
  });
});

describe('feed sentences in the reader’s language', () => {
  it('say the same things in German, names kept as their own parts', () => {
    expect(say([event({ type: 'habit.logged', habit: run, streak: 12 })], german)).toEqual(['Sam hat Morning run erfasst (Serie von 12 Tagen)']);
    expect(say([event({ type: 'goal.completed', actor: ana, goal: { id: 'g1', name: 'Launch the spring program' } })], german)).toEqual(['Ana hat Launch the spring program abgeschlossen']);
    expect(say([event({ type: 'goal.created', goal: { id: 'g1', name: 'Q3 pipeline' } })], german)).toEqual(['Sam hat Ziel Q3 pipeline erstellt']);
    expect(say([event({ type: 'habit.streak_milestone', actor: sam, subject: ana, habit: { ...run, unit: 'weeks' }, milestone: 30 })], german)).toEqual(['Ana hat bei Morning run eine Serie von 30 Wochen erreicht']);
    expect(say([event({ type: 'team.member_added', actor: ana, subject: sam, team: { id: 't1', name: 'Crew' } })], german)).toEqual(['Ana hat Sam zu Crew hinzugefügt']);
    expect(streakPhrase(german, 1, 'days')).toBe('Serie von 1 Tag');
    const habits = ['A', 'B', 'C', 'D', 'E'].map((name) => ({ ...run, id: `h_${name}`, name }));
    expect(say(habits.map((habit) => event({ type: 'habit.logged', habit })), german)).toEqual(['Sam hat A, B und 3 weitere erfasst']);
    expect(say(habits.slice(0, 3).map((habit) => event({ type: 'habit.logged', habit })), german)).toEqual(['Sam hat A, B und C erfasst']);
    const parts = describeGroup([event({ type: 'goal.completed', goal: { id: 'g1', name: 'Ship it' } })], german);
    expect(parts).toEqual([{ text: 'Sam', href: '/members/u_sam' }, { text: ' hat ' }, { text: 'Ship it', href: '/goals/g1' }, { text: ' abgeschlossen' }]);
  });

  it('count updates with the language’s plural forms', () => {
    const goal = { id: 'g1', name: 'Ship it' };
    expect(say([event({ type: 'goal.updated', goal, progress: 80 }), event({ type: 'goal.updated', goal, progress: 50 })], german)).toEqual(['Sam hat Ship it auf 80 % gesetzt (2 Aktualisierungen)']);
    expect(say([event({ type: 'habit.logged', habit: run }), event({ type: 'habit.logged', habit: run })], german)).toEqual(['Sam hat Morning run 2-mal erfasst']);
  });
});

describe('grouping', () => {
  it('folds consecutive logs by one person, but not across someone else’s item or a long gap', () => {
    const events = [
      event({ type: 'habit.logged', habit: run }, 0),
      event({ type: 'habit.logged', habit: read }, 10),
      event({ type: 'habit.logged', habit: run }, 20),
      event({ type: 'habit.logged', actor: ana, habit: run }, 30),
      event({ type: 'habit.logged', habit: read }, 40),
      event({ type: 'habit.logged', habit: read }, 40 + 7 * 60),
    ];
    expect(say(events)).toEqual(['Sam logged Morning run and Reading', 'Ana logged Morning run', 'Sam logged Reading', 'Sam logged Reading']);
    expect(groupEvents(events).map((g) => g.length)).toEqual([3, 1, 1, 1]);
  });

  it('counts progress updates on one goal, keeps other goals and completions apart', () => {
    const goal = { id: 'g1', name: 'Ship it' };
    const other = { id: 'g2', name: 'Hire' };
    const events = [
      event({ type: 'goal.completed', goal }),
      event({ type: 'goal.completed', goal: other }),
      event({ type: 'goal.updated', goal, progress: 80 }),
      event({ type: 'goal.updated', goal, progress: 50 }),
      event({ type: 'goal.updated', goal: other, progress: 20 }),
    ];
    expect(say(events)).toEqual(['Sam completed Ship it', 'Sam completed Hire', 'Sam moved Ship it to 80% (2 updates)', 'Sam moved Hire to 20%']);
  });

  it('lists at most three names', () => {
    const habits = ['A', 'B', 'C', 'D', 'E'].map((name) => ({ ...run, id: `h_${name}`, name }));
    expect(say(habits.map((habit) => event({ type: 'habit.logged', habit })))).toEqual(['Sam logged A, B and 3 more']);
    expect(say(habits.slice(0, 3).map((habit) => event({ type: 'habit.logged', habit })))).toEqual(['Sam logged A, B and C']);
  });
});
