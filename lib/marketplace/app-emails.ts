import { platformOrigin, tenantOrigin } from '../config/env.ts';
import { db } from '../db/client.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { translatorFor } from '../i18n/translator.ts';
import { logger } from '../observability/logger.ts';

// Mail about an app's lifecycle: to the partner's owners and developers on every transition of
// a version or the app, and to the admins of every workspace that installed the app before it
// is removed. Sent after the change is committed; a failed delivery is recorded on the message
// (lib/email) and never undoes the change.

export type AppEmailEvent = 'submitted' | 'in_review' | 'changes_requested' | 'rejected' | 'approved' | 'published' | 'deprecated' | 'removed' | 'commented';

const WORDS: Record<AppEmailEvent, { subject: (app: string, version: number) => string; lines: (app: string, version: number, reason: string | null) => string[] }> = {
  submitted: {
    subject: (app, v) => `${app} version ${v} was submitted for review`,
    lines: (app, v) => [`Version ${v} of ${app} is in the review queue. The Waypoint team usually reviews apps within a few working days.`, 'You will get an email when a reviewer picks it up and when they decide.'],
  },
  in_review: {
    subject: (app, v) => `${app} version ${v} is in review`,
    lines: (app, v) => [`A reviewer started reviewing version ${v} of ${app}.`],
  },
  changes_requested: {
    subject: (app, v) => `Changes requested on ${app} version ${v}`,
    lines: (app, v, reason) => [`The reviewer asked for changes to version ${v} of ${app} before it can be approved:`, reason ?? '', 'Edit the version, then submit it again.'],
  },
  rejected: {
    subject: (app, v) => `${app} version ${v} was not approved`,
    lines: (app, v, reason) => [`Version ${v} of ${app} was not approved:`, reason ?? '', 'You can start a new version that addresses this.'],
  },
  approved: {
    subject: (app, v) => `${app} version ${v} is approved`,
    lines: (app, v, reason) => [`Version ${v} of ${app} was approved. Publish it from the partner portal when you are ready: workspaces see it from then on.`, ...(reason ? [reason] : [])],
  },
  published: {
    subject: (app, v) => `${app} version ${v} is live`,
    lines: (app, v) => [`Version ${v} of ${app} is now the one workspaces see and install.`],
  },
  deprecated: {
    subject: (app) => `${app} is deprecated`,
    lines: (app, _v, reason) => [`${app} is hidden from the marketplace and cannot be installed any more; existing installations keep working.`, ...(reason ? [`Reason: ${reason}`] : [])],
  },
  removed: {
    subject: (app) => `${app} was removed from the marketplace`,
    lines: (app, _v, reason) => [`${app} was removed: its installations were ended and their access revoked.`, ...(reason ? [`Reason: ${reason}`] : [])],
  },
  commented: {
    subject: (app, v) => `New review comment on ${app} version ${v}`,
    lines: (app, v, reason) => [`The reviewer of version ${v} of ${app} wrote:`, reason ?? ''],
  },
};

/** Tells the partner's owners and developers; returns how many were written to. */
export async function emailPartner(partnerId: string, app: { id: string; name: string }, version: number, event: AppEmailEvent, reason: string | null = null): Promise<number> {
  const people = await db.partnerUser.findMany({ where: { partnerId, role: { in: ['owner', 'developer'] } }, select: { user: { select: { email: true } } } });
  const words = WORDS[event];
  const content = notificationEmail({
    tenant: null,
    subject: words.subject(app.name, version),
    heading: words.subject(app.name, version),
    paragraphs: words.lines(app.name, version, reason).filter(Boolean),
    action: { label: 'Open in the partner portal', url: `${platformOrigin()}/partner/apps/${app.id}` },
  });
  for (const person of people) {
    await sendEmail({ tenant: null, to: person.user.email, kind: `app_${event}`, ...content }).catch((error: unknown) => logger().error({ err: error, appId: app.id }, 'marketplace: could not email the partner'));
  }
  return people.length;
}

/**
 * Before an app is removed: every admin and owner of each workspace that has it installed learns
 * that the app's access ends, and why.
 */
export async function emailInstallersBeforeRemoval(appId: string, appName: string, reason: string | null): Promise<number> {
  const installs = await db.appInstallation.findMany({
    where: { appId, uninstalledAt: null },
    select: { tenant: { select: { id: true, slug: true, name: true, locale: true, memberships: { where: { role: { in: ['owner', 'admin'] } }, select: { locale: true, user: { select: { email: true } } } } } } },
  });
  let sent = 0;
  for (const { tenant } of installs) {
    for (const { user, locale } of tenant.memberships) {
      // In each admin's language (their own, else the workspace's); Waypoint's brand, as the marketplace's mail.
      const { language } = emailLocaleFor(tenant, { locale });
      const t = await translatorFor(language);
      const values = { app: appName, workspace: tenant.name };
      const content = notificationEmail({
        tenant: null,
        subject: t('email.appRemoval.subject', values),
        heading: t('email.appRemoval.heading', values),
        paragraphs: [t('email.appRemoval.lead', values), ...(reason ? [t('email.appRemoval.reason', { reason })] : []), t('email.appRemoval.nothingDeleted')],
        action: { label: t('email.appRemoval.action', values), url: tenantOrigin(tenant.slug) },
        language,
      });
      await sendEmail({ tenant: null, to: user.email, kind: 'app_removal_notice', ...content }).catch((error: unknown) => logger().error({ err: error, appId }, 'marketplace: could not email an installer'));
      sent += 1;
    }
  }
  return sent;
}
