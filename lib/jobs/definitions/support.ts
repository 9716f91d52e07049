import { closeResolvedTickets } from '../../support/ticket-summary.ts';
import { defineJob, noPayload } from '../define-job.ts';

export const supportJobs = [
  /** Closes support tickets resolved 14 days ago or more (lib/support/ticket-summary.ts). */
  defineJob({
    name: 'support.close_resolved',
    payload: noPayload,
    // Hourly: a resolved ticket closes within the hour after its reopen window; one idempotent UPDATE.
    cron: '35 * * * *',
    retry: { retries: 2, delaysSeconds: [60, 600] },
    run: () => closeResolvedTickets(new Date()),
  }),
];
