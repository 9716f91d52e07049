import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { config } from '../../proxy.ts';

// proxy.ts must run on every request except Next's build assets and files served from
// public/: it is what strips client-sent x-waypoint-* headers and seals the tenant. Next
// compiles the matcher to /^(?:<source>)$/ on the path.
const matcher = new RegExp(`^(?:${config.matcher[0]})$`);

describe("proxy.ts's matcher", () => {
  it('skips every file of public/ (which must stay in step with the list in proxy.ts)', () => {
    const root = path.resolve(import.meta.dirname, '../../public');
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(matcher.test(file), file).toBe(false);
  });

  it("skips Next's build assets", () => {
    expect(matcher.test('/_next/static/chunks/app.js')).toBe(false);
    expect(matcher.test('/_next/image')).toBe(false);
  });

  it('runs on pages, API routes and paths that merely end in an extension', () => {
    for (const pathname of ['/', '/signin', '/api/app/goals', '/api/app/goals/x.json', '/t/acme/goals/x.json', '/goals/a.b.c', '/api/v1/openapi.json', '/brandnew', '/waypoint-icon.svg.json', '/_next/data/x.json']) {
      expect(matcher.test(pathname), pathname).toBe(true);
    }
  });
});
