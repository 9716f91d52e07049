import { platformOrigin, tenantOrigin } from '../config/env.ts';
import { db } from '../db/client.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
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
  const owners = await db.membership.findMany({ where: { tenantId: view.tenantId, role: 'owner' }, select: { user: { select: { email: true } } } });
  const content = notificationEmail({
    tenant,
    subject: `Support asks to act as ${view.member.email} in ${tenant.name}`,
    heading: 'Support asks for access',
    paragraphs: [
      `${view.operatorEmail} from the Waypoint support team asks to act as ${who(view)} for up to ${view.minutes} minutes, ${view.readOnly ? 'read-only' : 'with the right to make changes'}.`,
      `Their reason: “${view.reason}”`,
      'Nothing happens until an owner approves. Every page they open shows a banner, and everything is in your audit log.',
    ],
    action: { label: 'Review the request', url: `${tenantOrigin(tenant.slug)}/settings/support-access` },
  });
  for (const owner of owners) await sendEmail({ tenant, to: owner.user.email, kind: 'impersonation_request', ...content });
}

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
