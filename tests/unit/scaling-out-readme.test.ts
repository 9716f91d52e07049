import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../lib/config/schema.ts';
import { JOBS_POOL_SIZE, SENDER_POOL_SIZE } from '../../lib/jobs/queue.ts';

// The README's connection budget (Scaling out) is what operators size max_connections and
// PgBouncer by: its figures must be the code's pool sizes and defaults.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Connection budget'), readme.indexOf('### PgBouncer'));

/** The table row whose first cell contains `label`: its cells after the first. */
function row(label: string): string[] {
  const line = section.split('\n').find((text) => text.startsWith('|') && text.split('|')[1].includes(label));
  if (!line) throw new Error(`no row for ${label} in the README's connection budget`);
  return line.split('|').slice(2, -1).map((cell) => cell.trim());
}

const firstNumber = (cell: string) => Number(/\d+/.exec(cell)?.[0]);

describe("README's connection budget", () => {
  const defaults = envSchema.parse({});
  const pool = defaults.DATABASE_POOL_SIZE;
  const jackson = defaults.JACKSON_POOL_SIZE;

  it('names the code’s pool sizes and defaults', () => {
    expect(row('Prisma')).toEqual([String(pool), String(pool)]);
    expect(section).toContain(`\`DATABASE_POOL_SIZE\`, default ${pool}`);
    expect(row('plain pg pool').map(firstNumber)).toEqual([pool, 0]);
    expect(row('runs jobs').map(firstNumber)).toEqual([JOBS_POOL_SIZE, JOBS_POOL_SIZE]);
    expect(row('send-only').map(firstNumber)).toEqual([SENDER_POOL_SIZE, 0]);
    expect(row('LISTEN').map(firstNumber)).toEqual([1, 1]);
    expect(section).toContain(`\`JACKSON_POOL_SIZE\`, default ${jackson}`);
    expect(row('Jackson').map(firstNumber)).toEqual([jackson, 0]);
  });

  it('adds them up right, and states the formula with the same sizes', () => {
    const [web, worker] = row('total');
    expect(firstNumber(web)).toBe(2 * pool + JOBS_POOL_SIZE + 1 + jackson);
    expect(web).toContain(`(${2 * pool + SENDER_POOL_SIZE + 1 + jackson} with \`JOBS_IN_SERVER=false\`)`);
    expect(firstNumber(worker)).toBe(pool + JOBS_POOL_SIZE + 1);
    expect(section).toContain(`N × (2P + ${JOBS_POOL_SIZE} + 1 + J)`);
    expect(section).toContain(`M × (P + ${JOBS_POOL_SIZE} + 1), with ${SENDER_POOL_SIZE} instead of ${JOBS_POOL_SIZE}`);
  });
});
