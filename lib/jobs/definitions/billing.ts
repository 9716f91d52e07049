import { z } from 'zod';
import { catchUpDunning, runDunningStep } from '../../billing/dunning.ts';
import { runUsageReports } from '../../billing/report-usage-job.ts';
import { runTrials } from '../../billing/trials.ts';
import { resetUsagePeriods } from '../../billing/usage-reset.ts';
import { defineJob, noPayload } from '../define-job.ts';

export const dunningStepPayload = z.object({
  tenantId: z.string().min(1),
  invoiceId: z.string().min(1),
  step: z.enum(['day0', 'day3', 'day7', 'suspended']),
});

export const billingJobs = [
  /** Reports paid plans' API overage to Stripe's meter events, idempotently (lib/billing/report-usage.ts). */
  defineJob({
    name: 'billing.report_usage',
    payload: noPayload,
    cron: '*/15 * * * *',
    // A failed report is sent again by the next run anyway (same identifiers): one quick retry.
    retry: { retries: 1, delaysSeconds: [60] },
    run: () => runUsageReports(),
  }),
  /**
   * One step of an unpaid invoice's dunning sequence (lib/billing/dunning.ts), scheduled at
   * 3, 7 and 14 days by startDunning on either runner; does nothing once the invoice is no
   * longer the unpaid one.
   */
  defineJob({
    name: 'billing.dunning_step',
    payload: dunningStepPayload,
    retry: { retries: 5, delaysSeconds: [60, 300, 1800, 7200, 21600] },
    run: ({ tenantId, invoiceId, step }) => runDunningStep(tenantId, invoiceId, step),
  }),
  /** Runs the dunning steps that are due and have not run: a lost job's (lib/billing/dunning.ts). */
  defineJob({
    name: 'billing.dunning_catch_up',
    payload: noPayload,
    cron: '50 * * * *',
    retry: { retries: 2, delaysSeconds: [300, 1800] },
    run: () => catchUpDunning(new Date()),
  }),
  /** Closes usage periods that have ended and opens the next ones (lib/billing/usage-reset.ts). */
  defineJob({
    name: 'billing.reset_usage',
    payload: noPayload,
    // Hourly: billing periods start at any hour (Stripe's anchor). Usage counted after a period
    // ends already goes to the next one (opened lazily), so this only closes and pre-opens.
    cron: '5 * * * *',
    retry: { retries: 2, delaysSeconds: [60, 600] },
    run: () => resetUsagePeriods(new Date()),
  }),
  /** Reminds trials that end soon and moves ended trials to the free plan (lib/billing/trials.ts). */
  defineJob({
    name: 'billing.trials',
    payload: noPayload,
    // Hourly, so a trial ends within the hour (entitlements already apply its end on the second)
    // and its reminder goes out about N days before; both halves are idempotent.
    cron: '25 * * * *',
    retry: { retries: 2, delaysSeconds: [60, 600] },
    run: () => runTrials(new Date()),
  }),
];
