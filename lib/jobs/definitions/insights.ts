import { z } from 'zod';
import { scheduleWorkspaceInsights } from '../../insights/on-activity.ts';
import { refreshMemberInsights, refreshWorkspaceInsights } from '../../insights/run-insights.ts';
import { defineJob, noPayload } from '../define-job.ts';

export const memberInsightsPayload = z.object({ tenantId: z.string().min(1), userId: z.string().min(1) });
export const workspaceInsightsPayload = z.object({ tenantId: z.string().min(1) });

// The insights rules (lib/insights): after activity, and every hour per workspace. Both are
// keyed by workspace, one run of a workspace at a time, so a big workspace's hourly run cannot
// hold every worker while the others wait (and a member's refresh never races its workspace's).
export const insightJobs = [
  /** Enqueues one insights.workspace job per live workspace (lib/insights/on-activity.ts). */
  defineJob({
    name: 'insights.schedule',
    payload: noPayload,
    cron: '5 * * * *',
    retry: { retries: 1, delaysSeconds: [120] },
    run: () => scheduleWorkspaceInsights(new Date()),
  }),
  /** Every member's and team's insights of one workspace; weekly patterns on Monday morning, its time. */
  defineJob({
    name: 'insights.workspace',
    payload: workspaceInsightsPayload,
    retry: { retries: 2, delaysSeconds: [60, 600] },
    concurrency: 2,
    fairness: { key: 'tenantId', limit: 1 },
    run: ({ tenantId }) => refreshWorkspaceInsights(tenantId, new Date()),
  }),
  /** One member's insights and their teams', after their activity. */
  defineJob({
    name: 'insights.member',
    payload: memberInsightsPayload,
    retry: { retries: 2, delaysSeconds: [30, 300] },
    concurrency: 4,
    fairness: { key: 'tenantId', limit: 1 },
    run: ({ tenantId, userId }) => refreshMemberInsights(tenantId, userId, new Date()),
  }),
];
