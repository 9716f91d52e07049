import { describe, expect, it } from 'vitest';
import { apiResources, resourceDocument } from '../../lib/api/docs/resource-docs.ts';
import { buildOpenApiDocument } from '../../lib/api/v1/openapi.ts';

// The API reference is one page per resource: each page's document holds that tag's
// operations and only the components they reach, so it renders a fraction of the API.

type Doc = Parameters<typeof apiResources>[0];
const doc = buildOpenApiDocument() as Doc;

describe('the per-resource OpenAPI documents', () => {
  it('list the tags that have operations, in the document order', () => {
    expect(apiResources(doc).map((r) => r.slug)).toEqual(['users', 'goals', 'habits', 'analytics', 'webhooks', 'apps', 'coach']);
  });

  it('keep one tag, its reachable components, and the reader’s own origin', () => {
    const goals = apiResources(doc).find((r) => r.slug === 'goals')!;
    const cut = resourceDocument(doc, goals, { origin: 'http://acme.localhost:3000', title: 'Acme API: Goals' }) as Doc & { servers: { url: string }[] };
    const operations = Object.values(cut.paths ?? {}).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.every((op) => (op.tags as string[]).includes('Goals'))).toBe(true);
    expect(Object.keys(cut.paths ?? {}).every((path) => path.startsWith('/api/v1/goals'))).toBe(true);
    expect(cut.servers).toEqual([{ url: 'http://acme.localhost:3000' }]);
    expect(cut.webhooks).toBeUndefined();

    // Every $ref resolves inside the cut document, and nothing of the other resources is carried.
    const text = JSON.stringify(cut);
    for (const [, kind, name] of text.matchAll(/"#\/components\/([^/"]+)\/([^"]+)"/g)) expect(cut.components?.[kind]?.[name], `${kind}/${name}`).toBeDefined();
    expect(Object.keys(cut.components?.schemas ?? {})).toContain('Goal');
    expect(Object.keys(cut.components?.schemas ?? {})).not.toContain('Habit');
    expect(cut.components?.securitySchemes).toHaveProperty('bearerAuth');
    expect(text.length).toBeLessThan(JSON.stringify(doc).length / 3);
  });
});
