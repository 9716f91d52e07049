import { platformOrigin, tenantOrigin } from '../config/env.ts';
import { db } from '../db/client.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { translatorFor } from '../i18n/translator.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import type { ImpersonationView } from './impersonation.ts';

// Where a workspace requires approval: its owners hear of each request (branded, from the
// workspace), and the operator hears of the decision (platform mail).

function who(view: ImpersonationView): string {
  return view.member.name ? `${view.member.name} (${view.member.email})` : view.member.email;
}

export async function emailImpersonationRequest(view: ImpersonationView): Promise<void> {
  const tenant = await loadTenantById(view.tenantId);
  if (!tenant) return;
  const owners = await db.membership.findMany({ where: { tenantId: view.tenantId, role: 'owner' }, select: { locale: true, user: { select: { email: true } } } });
  for (const owner of owners) {
    // Each owner reads it in their own language (lib/email/email-language.ts).
    const { language } = emailLocaleFor(tenant, owner);
    const t = await translatorFor(language, tenant.branding);
    const content = notificationEmail({
      tenant,
      subject: t('email.impersonationRequest.subject', { email: view.member.email, workspace: tenant.name }),
      heading: t('email.impersonationRequest.heading'),
      paragraphs: [
        t('email.impersonationRequest.lead', { operator: view.operatorEmail, member: who(view), minutes: view.minutes, readOnly: String(view.readOnly) }),
        t('email.impersonationRequest.reason', { reason: view.reason }),
        t('email.impersonationRequest.approval'),
      ],
      action: { label: t('email.impersonationRequest.action'), url: `${tenantOrigin(tenant.slug)}/settings/support-access` },
      language,
    });
    await sendEmail({ tenant, to: owner.user.email, kind: 'impersonation_request', ...content });
  }
}

// The decision goes to platform staff, who have no language of their own: English.
export async function emailImpersonationDecision(view: ImpersonationView, decision: 'approve' | 'deny'): Promise<void> {
  const tenant = await loadTenantById(view.tenantId);
  const name = tenant?.name ?? 'the workspace';
  const content = notificationEmail({
    tenant: null,
    subject: decision === 'approve' ? `Approved: act as ${view.member.email} in ${name}` : `Denied: act as ${view.member.email} in ${name}`,
    heading: decision === 'approve' ? 'Your request was approved' : 'Your request was denied',
    paragraphs: [decision === 'approve' ? `An owner of ${name} approved your request to act as ${who(view)}. Start it within 24 hours from the workspace's page.` : `An owner of ${name} denied your request to act as ${who(view)}.`],
    action: { label: 'Open the workspace', url: `${platformOrigin()}/operator/tenants/${view.tenantId}` },
  });
  await sendEmail({ tenant: null, to: view.operatorEmail, kind: 'impersonation_decision', ...content });
}
