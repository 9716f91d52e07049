import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG } from '../../lib/events/event-catalog.ts';
import { DOMAIN_EVENT_TYPES } from '../../lib/events/domain-events.ts';

describe('event catalog', () => {
  it('covers every event type the issues list', () => {
    expect([...DOMAIN_EVENT_TYPES].sort()).toEqual(
      [
        'ai.insight_generated',
        'app.installed', 'app.uninstalled',
        'goal.comment_deleted', 'goal.comment_updated', 'goal.commented', 'goal.completed', 'goal.created', 'goal.deleted', 'goal.updated',
        'kudos.given', 'kudos.removed',
        'habit.created', 'habit.deleted', 'habit.logged', 'habit.streak_milestone',
        'team.member_added', 'team.member_removed',
        'user.created', 'user.deleted', 'user.updated',
      ].sort(),
    );
  });

  it.each(Object.entries(EVENT_CATALOG))('%s: its example matches its schema, which converts to JSON Schema', (_type, entry) => {
    expect(entry.schema.safeParse(entry.example).success).toBe(true);
    expect(entry.description.length).toBeGreaterThan(10);
    const json = z.toJSONSchema(entry.schema) as { type: string; properties: Record<string, unknown> };
    expect(json.type).toBe('object');
    expect(Object.keys(json.properties).sort()).toEqual(Object.keys(entry.example).sort());
  });
});
