import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FILTER_TYPES } from '../../lib/activity/activity-schema.ts';
import type { Role } from '../../lib/db/generated/enums.ts';
import { EVENT_CATALOG, isBillingEventType } from '../../lib/events/event-catalog.ts';
import { DOMAIN_EVENT_TYPES } from '../../lib/events/domain-events.ts';
import { APP_EVENT_TYPES, versionUpdateSchema } from '../../lib/marketplace/app-schema.ts';
import { audienceColumns, canSee, defaultAudience, type AudienceViewer } from '../../lib/realtime/audience.ts';
import { endpointInputSchema } from '../../lib/webhooks/endpoint-schema.ts';

describe('event catalog', () => {
  it('covers every event type the issues list', () => {
    expect([...DOMAIN_EVENT_TYPES].sort()).toEqual(
      [
        'ai.insight_generated',
        'app.installed', 'app.uninstalled',
        'goal.comment_deleted', 'goal.comment_updated', 'goal.commented', 'goal.completed', 'goal.created', 'goal.deleted', 'goal.updated',
        'kudos.given', 'kudos.removed',
        'habit.created', 'habit.deleted', 'habit.logged', 'habit.streak_milestone',
        'payment.failed', 'payment.succeeded',
        'subscription.cancelled', 'subscription.created', 'subscription.updated',
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

describe('billing events (subscription.*, payment.*)', () => {
  const billing = ['subscription.created', 'subscription.updated', 'subscription.cancelled', 'payment.succeeded', 'payment.failed'] as const;
  const viewer = (role: Role): AudienceViewer => ({ userId: `u_${role}`, role, teamIds: new Set(), teammateIds: new Set([`u_${role}`]) });

  it('are the workspace admins’, never its members’', () => {
    expect(DOMAIN_EVENT_TYPES.filter(isBillingEventType).sort()).toEqual([...billing].sort());
    for (const type of billing) {
      const audience = defaultAudience(type, EVENT_CATALOG[type].example);
      expect(audience, type).toEqual({ kind: 'admins' });
      const columns = audienceColumns(audience!);
      expect(['owner', 'admin'].map((role) => canSee(columns, viewer(role as Role)))).toEqual([true, true]);
      expect(['member', 'viewer'].map((role) => canSee(columns, viewer(role as Role)))).toEqual([false, false]);
    }
  });

  it('stay out of activity feeds, which list the types they show', () => {
    for (const types of Object.values(FILTER_TYPES)) expect(types.filter(isBillingEventType)).toEqual([]);
  });

  it("are offered to the workspace's own endpoints and never to marketplace apps", () => {
    expect(APP_EVENT_TYPES.filter(isBillingEventType)).toEqual([]);
    expect(APP_EVENT_TYPES).toContain('goal.created');
    for (const type of billing) {
      expect(endpointInputSchema.safeParse({ url: 'https://example.com/hooks', eventTypes: [type] }).success, type).toBe(true);
      const app = versionUpdateSchema.safeParse({ webhookEvents: ['goal.created', type] });
      expect(app.success, type).toBe(false);
      expect(app.error?.issues.map((issue) => issue.message)).toEqual(['Unknown event type.']);
    }
    expect(versionUpdateSchema.safeParse({ webhookEvents: ['goal.created', 'ai.insight_generated'] }).success).toBe(true);
  });
});

describe("the catalog's words on the pages (messages/<language>/webhooks.json)", () => {
  // Every language has the English keys (i18n-catalogs.test.ts), so English stands for all seven.
  const words = JSON.parse(readFileSync('messages/en/webhooks.json', 'utf8')) as { eventGroups: Record<string, string>; events: Record<string, Record<string, string>> };
  const camel = (part: string) => part.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());

  it.each(Object.entries(EVENT_CATALOG))('%s has its group title and its description, the catalog’s own', (type, entry) => {
    const [resource, name] = type.split('.');
    expect(words.eventGroups[camel(resource)]).toBeTruthy();
    expect(words.events[camel(resource)]?.[camel(name)]).toBe(entry.description);
  });
});
