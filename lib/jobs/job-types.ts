import type { z } from 'zod';
import type { noPayload } from './define-job.ts';
import type { dunningStepPayload } from './definitions/billing.ts';
import type { dispatchPayload } from './definitions/events.ts';
import type { memberInsightsPayload, workspaceInsightsPayload } from './definitions/insights.ts';
import type { notifyPayload, syncPayload } from './definitions/integrations.ts';
import type { exportPayload } from './definitions/privacy.ts';
import type { deliveryAttemptPayload } from './definitions/webhooks.ts';

// Every job's name and payload type, from the payload schemas of the definitions
// (definitions/*.ts; what each job does is documented there). Kept apart from the table of
// definitions (jobs.ts) because handlers take these types: deriving them from the table would
// make each definition's type depend on itself.

type NoPayload = z.infer<typeof noPayload>;

export interface JobPayloads {
  'events.relay': NoPayload;
  'event.dispatch': z.infer<typeof dispatchPayload>;
  'webhook.deliver': z.infer<typeof deliveryAttemptPayload>;
  'webhook.deliver_slow': z.infer<typeof deliveryAttemptPayload>;
  'webhooks.sweep': NoPayload;
  'billing.report_usage': NoPayload;
  'billing.dunning_step': z.infer<typeof dunningStepPayload>;
  'billing.dunning_catch_up': NoPayload;
  'billing.reset_usage': NoPayload;
  'billing.trials': NoPayload;
  'earnings.approve': NoPayload;
  'payouts.run': NoPayload;
  'support.close_resolved': NoPayload;
  'oidc.rotate_keys': NoPayload;
  'partners.app_health': NoPayload;
  'integrations.sync': z.infer<typeof syncPayload>;
  'integrations.refresh_tokens': NoPayload;
  'integrations.schedule_syncs': NoPayload;
  'integrations.notify': z.infer<typeof notifyPayload>;
  'integrations.weekly_digest': NoPayload;
  'notifications.emails': NoPayload;
  'notifications.habit_reminders': NoPayload;
  'notifications.goal_due_dates': NoPayload;
  'retention.purge': NoPayload;
  'tenants.erase_scheduled': NoPayload;
  'privacy.export': z.infer<typeof exportPayload>;
  'insights.schedule': NoPayload;
  'insights.workspace': z.infer<typeof workspaceInsightsPayload>;
  'insights.member': z.infer<typeof memberInsightsPayload>;
}

export type JobName = keyof JobPayloads;
