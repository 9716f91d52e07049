import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../e2e/routes.ts';

// The every-route browser test (overflow at 390 px, axe at 390 and 1440 px) covers the pages
// listed in tests/e2e/routes.ts. This keeps that list equal to the app's pages: a new
// page.tsx fails here until it is given a URL and visitors there.

const root = path.resolve(import.meta.dirname, '../..');

function pageFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const child = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return pageFiles(child);
    return /^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name) ? [child] : [];
  });
}

describe('the every-route list', () => {
  it('names every page of the app, once', () => {
    const listed = ROUTES.map((route) => route.page);
    expect(new Set(listed).size, 'a page listed twice').toBe(listed.length);
    expect([...listed].sort()).toEqual(pageFiles('app').sort());
  });

  it('gives each page at least one visitor', () => {
    expect(ROUTES.filter((route) => route.visitors.length === 0).map((route) => route.page)).toEqual([]);
  });
});
