import { describe, expect, it } from 'vitest';
import { signupSchema, slugSchema, suggestSlug } from '../../lib/signup/signup-schema.ts';

describe('slugSchema', () => {
  it.each(['acme', 'my-team', 'a1b', 'team-2026'])('accepts %s', (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });

  it.each([
    ['ab', 'at least 3'],
    ['Acme', 'lowercase'],
    ['acme_co', 'lowercase'],
    ['-acme', 'start and end'],
    ['acme-', 'start and end'],
    ['ac--me', 'doubled'],
    ['www', 'reserved'],
    ['api', 'reserved'],
    ['admin', 'reserved'],
    ['a'.repeat(33), 'at most 32'],
  ])('refuses %s (%s)', (slug, message) => {
    const result = slugSchema.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(message);
  });
});

describe('signupSchema', () => {
  it('normalizes the email', () => {
    const result = signupSchema.parse({ name: 'Ada', email: ' Ada@Example.COM ', password: 'long enough pw', workspaceName: 'Ada Co', slug: 'ada-co' });
    expect(result.email).toBe('ada@example.com');
  });

  it('reports every bad field at once', () => {
    const result = signupSchema.safeParse({ name: '', email: 'nope', password: 'short', workspaceName: 'x', slug: 'www' });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(['name', 'email', 'password', 'workspaceName', 'slug']));
  });
});

describe('suggestSlug', () => {
  it('makes an address from a name', () => {
    expect(suggestSlug('Acme Coaching, Inc.')).toBe('acme-coaching-inc');
    expect(suggestSlug('Café Zürich')).toBe('cafe-zurich');
  });
});
