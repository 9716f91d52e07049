import { z } from 'zod';
import { eraseScheduledTenants } from '../../platform/tenant-erasure.ts';
import { runExport } from '../../privacy/export.ts';
import { purgeExpired } from '../../retention/purge.ts';
import { defineJob, noPayload } from '../define-job.ts';

export const exportPayload = z.object({ exportId: z.string().min(1) });

export const privacyJobs = [
  /** Deletes what is past its retention window (lib/retention/purge.ts). */
  defineJob({
    name: 'retention.purge',
    payload: noPayload,
    // Daily, at a quiet hour; a run cut short by its time limit goes on the next day.
    cron: '20 3 * * *',
    retry: { retries: 1, delaysSeconds: [1800] },
    run: () => purgeExpired(new Date()),
  }),
  /** Erases workspaces whose grace period after "schedule deletion" is over (lib/platform/tenant-erasure.ts). */
  defineJob({
    name: 'tenants.erase_scheduled',
    payload: noPayload,
    cron: '40 3 * * *',
    retry: { retries: 2, delaysSeconds: [1800] },
    run: () => eraseScheduledTenants(new Date()),
  }),
  /** Builds a member's data export (or, without a userId on the row, the whole workspace's) and emails whoever asked (lib/privacy/export.ts). */
  defineJob({
    name: 'privacy.export',
    payload: exportPayload,
    retry: { retries: 2, delaysSeconds: [60, 600] },
    concurrency: 2,
    run: ({ exportId }) => runExport(exportId),
  }),
];
