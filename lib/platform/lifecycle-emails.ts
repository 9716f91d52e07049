import { supportEmail } from '../config/env.ts';
import { db } from '../db/client.ts';
import { formatDateTime } from '../email/format-date.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import type { LifecycleAction } from './tenant-lifecycle.ts';

// The owners hear of every change the operator makes to their workspace's status, with the reason.

const HEADINGS: Record<LifecycleAction, string> = {
  suspend: 'Your workspace was suspended',
  reactivate: 'Your workspace is active again',
  cancel: 'Your workspace was closed',
  schedule_deletion: 'Your workspace will be deleted',
  restore: 'Your workspace will not be deleted',
};

export async function emailLifecycleChange(tenantId: string, action: LifecycleAction, reason: string, deletionAt: Date | null): Promise<void> {
  const tenant = await loadTenantById(tenantId);
  if (!tenant) return;
  const owners = await db.membership.findMany({ where: { tenantId, role: 'owner' }, select: { user: { select: { email: true } } } });
  const support = supportEmail(tenant.branding.supportEmail);
  const what: Record<LifecycleAction, string> = {
    suspend: `${tenant.name} is suspended: nobody can use it until it is reactivated. Your data is kept.`,
    reactivate: `${tenant.name} is active again: everyone can sign in as before.`,
    cancel: `${tenant.name} is closed. Your data is kept; ask support to reopen it.`,
    schedule_deletion: `${tenant.name} is closed and all its data will be erased on ${deletionAt ? formatDateTime(deletionAt, tenant.timeZone) : 'a later date'}. Until then, support can restore it.`,
    restore: `${tenant.name} is no longer scheduled for deletion.`,
  };
  const content = notificationEmail({
    tenant,
    subject: `${HEADINGS[action]}: ${tenant.name}`,
    heading: HEADINGS[action],
    paragraphs: [what[action], `The reason given: “${reason}”`, ...(support ? [`Questions? Write to ${support}.`] : [])],
  });
  for (const owner of owners) await sendEmail({ tenant, to: owner.user.email, kind: `tenant_${action}`, ...content });
}
