import { approveDueCommissions } from '../../earnings/approve.ts';
import { runPayouts } from '../../payouts/run-payouts.ts';
import { defineJob, noPayload } from '../define-job.ts';

// Earnings and payouts (resellers and partners): daily, after midnight UTC; both are
// idempotent (payouts: one per payee and month, Stripe transfers keyed by payout id), so a
// retried run picks up where the failed one stopped.
export const payoutJobs = [
  /** Approves earnings whose holding period has ended (lib/earnings/approve.ts). */
  defineJob({
    name: 'earnings.approve',
    payload: noPayload,
    cron: '15 0 * * *',
    retry: { retries: 3, delaysSeconds: [60, 600, 3600] },
    run: () => approveDueCommissions(new Date()),
  }),
  /** Groups last month's approved earnings into payouts and pays them (lib/payouts/run-payouts.ts). */
  defineJob({
    name: 'payouts.run',
    payload: noPayload,
    cron: '30 1 * * *',
    retry: { retries: 3, delaysSeconds: [300, 1800, 7200] },
    run: () => runPayouts({ now: new Date() }),
  }),
];
