import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RETENTION_WINDOWS } from '../../lib/retention/windows.ts';

// The README's retention table is what an operator (and a privacy review) reads: every kind
// the job purges, with its window and floor as the code has them, and nothing else.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('### Retention');
const section = readme.slice(start, readme.indexOf('\n## ', start));
const rows = section.split('\n').filter((line) => /^\| `[a-z_]+` \|/.test(line));

describe('README › Privacy and retention', () => {
  it('has one row per kind, and no other', () => {
    expect(rows.map((row) => /^\| `([a-z_]+)`/.exec(row)![1]).sort()).toEqual(RETENTION_WINDOWS.map((w) => w.name).sort());
  });

  it.each(RETENTION_WINDOWS.map((w) => [w.name, w] as const))('%s: its window and floor', (name, window) => {
    expect(rows.find((row) => row.startsWith(`| \`${name}\` |`))).toMatch(new RegExp(`^\\| \`${name}\` \\| ${window.defaultDays} \\| ${window.minDays} \\| `));
  });
});
