import { runAppHealth } from '../../partners/app-health.ts';
import { defineJob, noPayload } from '../define-job.ts';

export const partnerJobs = [
  /** Raises and clears marketplace apps' health flags from the last 24 hours' traffic (lib/partners/app-health.ts). */
  defineJob({
    name: 'partners.app_health',
    payload: noPayload,
    // Hourly over a trailing 24 h window: a broken integration is flagged within the hour; each
    // run is idempotent (one open flag per app and kind, each emailed once), so a retry is safe.
    cron: '40 * * * *',
    retry: { retries: 2, delaysSeconds: [60, 600] },
    run: async () => {
      const run = await runAppHealth(new Date());
      return { measured: run.measured, raised: run.raised.length, cleared: run.cleared.length, notified: run.notified };
    },
  }),
];
