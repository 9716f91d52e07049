import { recordAudit } from '../audit/record-audit.ts';
import { tenantOrigin } from '../config/env.ts';
import { db, type Prisma } from '../db/client.ts';
import { wantsEmail } from '../account/notification-preferences.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { translatorFor } from '../i18n/translator.ts';
import { getTenantById } from '../tenancy/tenant-cache.ts';
import type { DeliveryAttempt } from './deliver-webhook.ts';
import { logger } from '../observability/logger.ts';

// An endpoint's failure streak, and switching it off when the receiver is gone (410) or has
// been failing for too long, so a dead URL stops costing retries. Admins are told by email.

export const MAX_CONSECUTIVE_FAILURES = 100;
export const MAX_FAILING_MS = 5 * 24 * 3600 * 1000;

export interface DisabledEndpoint {
  endpointId: string;
  tenantId: string;
  url: string;
  reason: string;
}

/**
 * Records one attempt's outcome on its endpoint, in the caller's transaction. Manual attempts
 * (replays, tests) reset the streak when they succeed but never extend it. Returns the
 * endpoint if this attempt switched it off.
 */
export async function recordEndpointHealth(tx: Prisma.TransactionClient, endpointId: string, result: DeliveryAttempt, manual: boolean, now = new Date()): Promise<DisabledEndpoint | null> {
  // Timeouts in a row, manual or not, say the receiver is unreachable or too slow; any answer ends the streak.
  if (result.timedOut) await tx.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { consecutiveTimeouts: { increment: 1 } } });
  else await tx.webhookEndpoint.updateMany({ where: { id: endpointId, consecutiveTimeouts: { gt: 0 } }, data: { consecutiveTimeouts: 0 } });
  if (result.ok) {
    await tx.webhookEndpoint.updateMany({ where: { id: endpointId, OR: [{ consecutiveFailures: { gt: 0 } }, { failingSince: { not: null } }] }, data: { consecutiveFailures: 0, failingSince: null } });
    return null;
  }
  if (result.gone) return disable(tx, endpointId, 'The receiver answered 410 Gone, which asks senders to stop.');
  if (manual) return null;
  const [row] = await tx.$queryRaw<{ consecutiveFailures: number; failingSince: Date }[]>`
    UPDATE "WebhookEndpoint"
    SET "consecutiveFailures" = "consecutiveFailures" + 1, "failingSince" = COALESCE("failingSince", ${now})
    WHERE id = ${endpointId}
    RETURNING "consecutiveFailures", "failingSince"`;
  if (!row) return null;
  if (row.consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) return disable(tx, endpointId, `${row.consecutiveFailures} deliveries in a row failed.`);
  if (now.getTime() - row.failingSince.getTime() >= MAX_FAILING_MS) return disable(tx, endpointId, `Every delivery has failed since ${row.failingSince.toISOString()}.`);
  return null;
}

async function disable(tx: Prisma.TransactionClient, endpointId: string, reason: string): Promise<DisabledEndpoint | null> {
  // Only the attempt that switches it off reports it, so admins get one email.
  const [row] = await tx.$queryRaw<{ tenantId: string; url: string }[]>`
    UPDATE "WebhookEndpoint" SET enabled = false, "disabledReason" = ${reason}, "updatedAt" = now()
    WHERE id = ${endpointId} AND enabled
    RETURNING "tenantId", url`;
  if (!row) return null;
  await recordAudit(tx, { tenantId: row.tenantId, actor: null, action: 'webhook.disabled', target: { type: 'webhook_endpoint', id: endpointId }, metadata: { reason } });
  return { endpointId, tenantId: row.tenantId, url: row.url, reason };
}

/** Emails the workspace's owners and admins that an endpoint was switched off. Never throws. */
export async function notifyEndpointDisabled(disabled: DisabledEndpoint): Promise<void> {
  try {
    const tenant = await getTenantById(disabled.tenantId);
    if (!tenant) return;
    const admins = (await db.membership.findMany({ where: { tenantId: tenant.id, role: { in: ['owner', 'admin'] } }, select: { locale: true, emailPreferences: true, user: { select: { email: true } } } })).filter(
      // Each admin may turn these alerts off (Account › Notifications).
      (admin) => wantsEmail(admin.emailPreferences, 'webhook_alerts'),
    );
    const link = `${tenantOrigin(tenant.slug)}/developers/webhooks/${disabled.endpointId}`;
    for (const admin of admins) {
      // In the admin's language; the reason is the endpoint's stored one (English, as the API shows it).
      const { language } = emailLocaleFor(tenant, admin);
      const t = await translatorFor(language, tenant.branding);
      const content = notificationEmail({
        tenant,
        subject: t('email.webhookDisabled.subject', { workspace: tenant.name }),
        heading: t('email.webhookDisabled.heading'),
        paragraphs: [t('email.webhookDisabled.stopped', { url: disabled.url }), disabled.reason, t('email.webhookDisabled.replay')],
        action: { label: t('email.webhookDisabled.action'), url: link },
        language,
      });
      await sendEmail({ tenant, to: admin.user.email, kind: 'webhook_disabled', ...content });
    }
  } catch (error) {
    logger().error({ err: error, tenantId: disabled.tenantId, endpointId: disabled.endpointId }, 'webhooks: could not email the admins about a disabled endpoint');
  }
}
