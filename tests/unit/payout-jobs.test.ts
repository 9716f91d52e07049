import { describe, expect, it } from 'vitest';
import { functions } from '../../inngest/functions.ts';
import { JOBS } from '../../lib/jobs/jobs.ts';
import { previousMonth } from '../../lib/payouts/period.ts';

// The earnings and payout jobs (resellers' and partners' alike) run on both backends from their one definition each (the runs themselves are
// tested in tests/integration/resellers-commissions.test.ts and resellers-payouts.test.ts).
describe('earnings and payout jobs', () => {
  it('are daily crons on the PostgreSQL queue and Inngest functions with the same schedule', () => {
    expect(JOBS['earnings.approve'].cron).toBe('15 0 * * *');
    expect(JOBS['payouts.run'].cron).toBe('30 1 * * *');
    const ids = functions.map((fn) => fn.id());
    expect(ids).toEqual(expect.arrayContaining(['earnings-approve', 'payouts-run']));
  });

  it('pay the previous calendar month (UTC), whatever the day they run', () => {
    expect(previousMonth(new Date(Date.UTC(2031, 0, 1, 1, 30)))).toEqual({ start: new Date(Date.UTC(2030, 11, 1)), end: new Date(Date.UTC(2031, 0, 1)) });
    expect(previousMonth(new Date(Date.UTC(2031, 2, 31, 23)))).toEqual({ start: new Date(Date.UTC(2031, 1, 1)), end: new Date(Date.UTC(2031, 2, 1)) });
  });
});
