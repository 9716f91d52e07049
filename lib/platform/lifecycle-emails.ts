import { supportEmail } from '../config/env.ts';
import { db } from '../db/client.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { formatDateTime } from '../email/format-date.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { translatorFor } from '../i18n/translator.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import type { LifecycleAction } from './tenant-lifecycle.ts';

// The owners hear of every change the operator makes to their workspace's status, with the reason.

const KEYS = { suspend: 'suspend', reactivate: 'reactivate', cancel: 'cancel', schedule_deletion: 'scheduleDeletion', restore: 'restore' } as const satisfies Record<LifecycleAction, string>;

export async function emailLifecycleChange(tenantId: string, action: LifecycleAction, reason: string, deletionAt: Date | null): Promise<void> {
  const tenant = await loadTenantById(tenantId);
  if (!tenant) return;
  const owners = await db.membership.findMany({ where: { tenantId, role: 'owner' }, select: { locale: true, user: { select: { email: true } } } });
  const support = supportEmail(tenant.branding.supportEmail);
  const key = KEYS[action];
  for (const owner of owners) {
    // Each owner reads it in their own language (lib/email/email-language.ts).
    const { language, locale } = emailLocaleFor(tenant, owner);
    const t = await translatorFor(language, tenant.branding);
    const workspace = tenant.name;
    const what =
      key === 'scheduleDeletion'
        ? deletionAt
          ? t('email.lifecycle.body.scheduleDeletion', { workspace, date: formatDateTime(deletionAt, tenant.timeZone, locale) })
          : t('email.lifecycle.body.scheduleDeletionUndated', { workspace })
        : t(`email.lifecycle.body.${key}`, { workspace });
    const heading = t(`email.lifecycle.heading.${key}`);
    const content = notificationEmail({
      tenant,
      subject: t('email.lifecycle.subject', { heading, workspace }),
      heading,
      paragraphs: [what, t('email.lifecycle.reason', { reason }), ...(support ? [t('email.lifecycle.questions', { support })] : [])],
      language,
    });
    await sendEmail({ tenant, to: owner.user.email, kind: `tenant_${action}`, ...content });
  }
}
