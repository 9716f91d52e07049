import { describe, expect, it } from 'vitest';
import { INTEGRATION_IDS } from '../../lib/integrations/registry.ts';
import { createAppSchema } from '../../lib/marketplace/app-schema.ts';
import { isReservedAppSlug, RESERVED_APP_SLUGS } from '../../lib/marketplace/reserved-slugs.ts';

describe('reserved app slugs', () => {
  it('are exactly the first-party integrations’ ids', () => {
    expect([...RESERVED_APP_SLUGS].sort()).toEqual([...INTEGRATION_IDS].sort());
  });

  it('refuses a partner app that asks for one, and accepts a neighbour', () => {
    const taken = createAppSchema.safeParse({ name: 'Slack helper', category: 'communication', slug: 'Slack' });
    expect(taken.success).toBe(false);
    expect(taken.error?.issues[0]?.message).toMatch(/built-in integration/);
    expect(createAppSchema.safeParse({ name: 'Slack helper', category: 'communication', slug: 'slack-helper' }).success).toBe(true);
    expect(isReservedAppSlug('google-calendar')).toBe(true);
    expect(isReservedAppSlug('google-calendar-pro')).toBe(false);
  });
});
