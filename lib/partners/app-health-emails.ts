import { platformOrigin } from '../config/env.ts';
import { db } from '../db/client.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { describeHealthFlag } from './app-health-views.ts';

// A health flag, emailed once (lib/partners/app-health.ts claims it): to the partner's owners
// and developers (who can fix the integration) with a link to the app's analytics, and to the
// platform operators with a link to the app's operator page. Billing contacts are not told.

export async function sendHealthFlagEmails(flagId: string): Promise<number> {
  const flag = await db.appHealthFlag.findUniqueOrThrow({
    where: { id: flagId },
    select: { kind: true, valueBps: true, thresholdBps: true, windowStart: true, windowEnd: true, app: { select: { id: true, slug: true, partnerId: true, partner: { select: { name: true } }, liveVersion: { select: { name: true } } } } },
  });
  const app = flag.app;
  const name = app.liveVersion?.name ?? app.slug;
  const what = describeHealthFlag(flag);
  const [partnerPeople, operators] = await Promise.all([
    db.partnerUser.findMany({ where: { partnerId: app.partnerId, role: { in: ['owner', 'developer'] } }, select: { user: { select: { email: true } } } }),
    db.user.findMany({ where: { platformRole: { in: ['owner', 'support'] } }, select: { email: true } }),
  ]);
  const subject = `${name} is flagged: ${what.title.toLowerCase()}`;
  const toPartner = notificationEmail({
    tenant: null,
    subject,
    heading: `${name}: ${what.title}`,
    paragraphs: [what.detail, 'Workspaces that installed the app feel this. Check your service and its logs; the flag clears by itself once the rate is back under the threshold.'],
    action: { label: 'Open the app’s analytics', url: `${platformOrigin()}/partner/apps/${app.id}/analytics` },
  });
  const toOperator = notificationEmail({
    tenant: null,
    subject: `${subject} (${app.partner.name})`,
    heading: `${name} by ${app.partner.name}: ${what.title}`,
    paragraphs: [what.detail, 'The partner was emailed too.'],
    action: { label: 'Open the app in the operator console', url: `${platformOrigin()}/operator/apps/${app.id}` },
  });
  const recipients = [...partnerPeople.map((p) => ({ to: p.user.email, content: toPartner })), ...operators.map((o) => ({ to: o.email, content: toOperator }))];
  for (const { to, content } of recipients) await sendEmail({ tenant: null, to, kind: 'app_health_flag', ...content });
  return recipients.length;
}
