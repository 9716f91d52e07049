import type { JobDefinition } from './define-job.ts';
import { billingJobs } from './definitions/billing.ts';
import { eventJobs } from './definitions/events.ts';
import { insightJobs } from './definitions/insights.ts';
import { integrationJobs } from './definitions/integrations.ts';
import { notificationJobs } from './definitions/notifications.ts';
import { oauthJobs } from './definitions/oauth.ts';
import { partnerJobs } from './definitions/partners.ts';
import { payoutJobs } from './definitions/payouts.ts';
import { privacyJobs } from './definitions/privacy.ts';
import { supportJobs } from './definitions/support.ts';
import { webhookJobs } from './definitions/webhooks.ts';
import type { JobName } from './job-types.ts';

// Every job the app runs, each defined once; both runners are generated from this list.

const DEFINITIONS = [
  ...eventJobs,
  ...webhookJobs,
  ...billingJobs,
  ...payoutJobs,
  ...supportJobs,
  ...oauthJobs,
  ...partnerJobs,
  ...integrationJobs,
  ...notificationJobs,
  ...privacyJobs,
  ...insightJobs,
];

// A name in JobPayloads without a definition fails to compile here.
const defined: [Exclude<JobName, (typeof DEFINITIONS)[number]['name']>] extends [never] ? true : false = true;
void defined;

export const JOBS = Object.fromEntries(DEFINITIONS.map((definition) => [definition.name, definition])) as { readonly [N in JobName]: JobDefinition<N> };

/** In the order above, which is the order of the Inngest functions. */
export const JOB_DEFINITIONS: readonly JobDefinition[] = DEFINITIONS;

export const JOB_NAMES: readonly JobName[] = DEFINITIONS.map((definition) => definition.name);

/** Cron jobs renamed since (their schedules are removed at start, so nothing enqueues them). */
export const RETIRED_CRON_JOBS = ['resellers.approve_commissions', 'resellers.payouts'] as const;
