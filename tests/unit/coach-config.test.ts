import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../lib/config/env.ts';
import { parseProposal } from '../../lib/coach/proposals.ts';

// The coach's configuration (all three COACH_* or none) and how a model's tool call becomes a
// proposal (only what the goal and habit forms would accept).

describe('the coach configuration', () => {
  const base = 'http://localhost:11434/v1';
  it('takes all three variables or none', () => {
    expect(parseEnv({}).problems).toEqual([]);
    expect(parseEnv({ COACH_API_BASE: base, COACH_API_KEY: 'ollama', COACH_MODEL: 'llama3.1' }).problems).toEqual([]);
    expect(parseEnv({ COACH_API_BASE: base, COACH_MODEL: 'llama3.1' }).problems).toEqual(['Set all three of COACH_API_BASE, COACH_API_KEY and COACH_MODEL, or none (the AI coach is off without them).']);
    expect(parseEnv({ COACH_API_BASE: 'ftp://example.test', COACH_API_KEY: 'k', COACH_MODEL: 'm' }).problems).toEqual(['COACH_API_BASE: expected a http:// or https:// URL']);
  });
});

describe('a proposal from a tool call', () => {
  it('is a goal or a habit the forms would accept, else nothing', () => {
    expect(parseProposal('propose_goal', JSON.stringify({ title: 'Run a 5K', target_date: '2027-05-01' }))).toEqual({ type: 'goal', title: 'Run a 5K', target_date: '2027-05-01' });
    expect(parseProposal('propose_habit', JSON.stringify({ name: 'Read', schedule: 'times_per_week', times_per_week: 3 }))).toEqual({ type: 'habit', name: 'Read', schedule: 'times_per_week', times_per_week: 3 });
    expect(parseProposal('propose_goal', JSON.stringify({ title: 'Bad date', target_date: '2027-02-31' }))).toBeNull();
    expect(parseProposal('propose_habit', JSON.stringify({ name: 'No days', schedule: 'weekly_days' }))).toBeNull();
    expect(parseProposal('propose_habit', '{"name": "cut off')).toBeNull();
    expect(parseProposal('delete_everything', '{}')).toBeNull();
    // The type comes from the tool, not from the arguments.
    expect(parseProposal('propose_goal', JSON.stringify({ type: 'habit', title: 'Swim' }))).toEqual({ type: 'goal', title: 'Swim' });
  });
});
