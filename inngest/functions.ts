import { billingDunningFunction } from './billing-dunning.ts';
import { billingDunningStepFunction } from './billing-dunning-step.ts';
import { billingReportUsageFunction } from './billing-report-usage.ts';
import { billingResetUsageFunction } from './billing-reset-usage.ts';
import { billingTrialsFunction } from './billing-trials.ts';
import { deliverWebhookFunction, deliverWebhookSlowFunction } from './deliver-webhook.ts';
import { dispatchEventFunction } from './dispatch-event.ts';
import { integrationsRefreshTokensFunction, integrationsScheduleSyncsFunction, integrationsSyncFunction } from './integrations.ts';
import { integrationsNotifyFunction, integrationsWeeklyDigestFunction } from './integrations-notifications.ts';
import { notificationsEmailsFunction, notificationsGoalDueDatesFunction, notificationsHabitRemindersFunction } from './notifications.ts';
import { oidcRotateKeysFunction } from './oidc-rotate-keys.ts';
import { partnersAppHealthFunction } from './partners-app-health.ts';
import { relayOutboxFunction } from './relay-outbox.ts';
import { retentionPurgeFunction } from './retention-purge.ts';
import { tenantErasureFunction } from './tenant-erasure.ts';
import { privacyExportFunction } from './privacy-export.ts';
import { earningsApproveFunction, payoutsRunFunction } from './payouts.ts';
import { supportCloseResolvedFunction } from './support.ts';
import { sweepWebhooksFunction } from './sweep-webhooks.ts';

/** Every Inngest function of the app, served at /api/inngest. */
export const functions = [
  relayOutboxFunction,
  dispatchEventFunction,
  deliverWebhookFunction,
  deliverWebhookSlowFunction,
  sweepWebhooksFunction,
  billingDunningFunction,
  billingDunningStepFunction,
  billingResetUsageFunction,
  billingReportUsageFunction,
  billingTrialsFunction,
  earningsApproveFunction,
  payoutsRunFunction,
  oidcRotateKeysFunction,
  supportCloseResolvedFunction,
  partnersAppHealthFunction,
  integrationsSyncFunction,
  integrationsRefreshTokensFunction,
  integrationsScheduleSyncsFunction,
  integrationsNotifyFunction,
  integrationsWeeklyDigestFunction,
  notificationsEmailsFunction,
  notificationsHabitRemindersFunction,
  notificationsGoalDueDatesFunction,
  retentionPurgeFunction,
  tenantErasureFunction,
  privacyExportFunction,
];
