import { tenantOrigin } from '../config/env.ts';
import { db } from '../db/client.ts';
import { sendEmail } from '../email/send-email.ts';
import { notificationEmail } from '../email/templates/notification-email.ts';
import { instantOf, knownZone } from '../integrations/calendar-feed/zone-time.ts';
import { addDays, isoWeekStart, localDateIn } from '../habits/local-date.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { createFormatter } from '../format/formatter.ts';
import { formatSettingsFor } from '../format/settings.ts';
import { digestInsightLines } from '../insights/insight-digest.ts';
import type { Language } from '../i18n/languages.ts';
import { translatorFor, type Translator } from '../i18n/translator.ts';
import { getTenantById } from '../tenancy/tenant-cache.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { logger } from '../observability/logger.ts';
import { readSettings } from './preferences.ts';
import { describeNotification, NOTIFICATION_TYPES, type DigestCadence, type NotificationData } from './types.ts';
import { unsubscribeHeaders, unsubscribeLinks, type UnsubscribeScope } from './unsubscribe.ts';

// Notification emails. A notification whose type the member gets by email waits as
// emailStatus 'pending'; this job (every minute) sends each member's pending ones as their
// cadence says: at once, or in a daily digest (08:00 in the member's zone) or a weekly one
// (Monday 08:00). Notifications read meanwhile, or whose type was turned off, are skipped.
// Each pending row is claimed (UPDATE … RETURNING) before the email goes out, so two workers
// never send it twice.

export const DIGEST_HOUR = 8;

/** The latest digest slot at or before `now` for a cadence (null: immediately, no slot). */
export function latestDigestSlot(cadence: DigestCadence, zone: string, now: Date): Date | null {
  if (cadence === 'immediately') return null;
  const today = localDateIn(zone, now);
  const step = cadence === 'daily' ? 1 : 7;
  let day = cadence === 'daily' ? today : isoWeekStart(today);
  let slot = instantOf(zone, day, DIGEST_HOUR, 0);
  if (slot.getTime() > now.getTime()) {
    day = addDays(day, -step);
    slot = instantOf(zone, day, DIGEST_HOUR, 0);
  }
  return slot;
}

/** Whether a member's pending emails go out now. */
export function emailDue(cadence: DigestCadence, zone: string, now: Date, oldestPending: Date, lastDigestAt: Date | null): boolean {
  const slot = latestDigestSlot(cadence, zone, now);
  if (!slot) return true;
  return oldestPending.getTime() < slot.getTime() && (!lastDigestAt || lastDigestAt.getTime() < slot.getTime());
}

interface Claimed {
  id: string;
  type: string;
  subjectType: string;
  subjectId: string;
  data: NotificationData;
  emailStatus: 'sent' | 'skipped';
  createdAt: Date;
}

/** The words of a notification email: the recipient's language (lib/email/email-language.ts). */
export interface NotificationEmailWords {
  t: Translator;
  language: Language;
  scope?: UnsubscribeScope;
}

export function composeNotificationEmail(
  tenant: TenantContext,
  userId: string,
  items: { text: string; href: string }[],
  cadence: DigestCadence,
  { t, language, scope = 'all' }: NotificationEmailWords,
  /** The weekly digest's insights section (lib/insights/insight-digest.ts), after the notifications. */
  insightLines: string[] = [],
) {
  const origin = tenantOrigin(tenant.slug);
  const links = unsubscribeLinks(tenant, userId, scope);
  const single = items.length === 1;
  const workspace = tenant.name;
  const heading = single
    ? items[0].text
    : cadence === 'weekly'
      ? t('email.notification.headingWeekly')
      : cadence === 'daily'
        ? t('email.notification.headingDaily')
        : t('email.notification.headingCount', { count: items.length });
  const footnoteValues = { workspace, settingsUrl: `${origin}/account/notifications`, unsubscribeUrl: links.page };
  const content = notificationEmail({
    tenant,
    subject: single ? items[0].text : t('email.notification.subjectDigest', { heading, count: items.length, workspace }),
    heading,
    paragraphs: [
      ...(single ? [t('email.notification.openIn', { workspace, url: `${origin}${items[0].href}` })] : items.map((item) => t('email.notification.item', { text: item.text, url: `${origin}${item.href}` }))),
      ...insightLines,
    ],
    action: { label: single ? t('email.notification.open') : t('email.notification.seeAll'), url: single ? `${origin}${items[0].href}` : `${origin}/notifications` },
    footnote: single ? t('email.notification.footnoteOne', footnoteValues) : t('email.notification.footnoteMany', footnoteValues),
    language,
  });
  return { ...content, headers: unsubscribeHeaders(tenant, userId, scope) };
}

/** Sends one member's pending emails if their cadence says it is time; answers how many notifications went out. */
export async function emailMember(tenantId: string, userId: string, oldestPending: Date, now: Date = new Date()): Promise<number> {
  const membership = await db.membership.findUnique({
    where: { tenantId_userId: { tenantId, userId } },
    select: { id: true, locale: true, timeZone: true, notificationSettings: true, lastDigestAt: true, user: { select: { email: true } } },
  });
  const tenant = await getTenantById(tenantId);
  // A suspended or closed workspace sends its members nothing (its pages are closed to them too).
  if (!membership || !tenant || tenant.status === 'suspended' || tenant.status === 'canceled') {
    await db.notification.updateMany({ where: { tenantId, userId, emailStatus: 'pending' }, data: { emailStatus: 'skipped' } });
    return 0;
  }
  const settings = readSettings(membership.notificationSettings);
  const zone = knownZone(membership.timeZone ?? tenant.timeZone);
  if (!emailDue(settings.digest, zone, now, oldestPending, membership.lastDigestAt)) return 0;
  const emailTypes = NOTIFICATION_TYPES.filter((type) => settings.types[type] === 'email');
  const claimed = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Claimed[]>`
      UPDATE "Notification"
         SET "emailStatus" = (CASE WHEN "readAt" IS NULL AND type = ANY(${emailTypes}::text[]) THEN 'sent' ELSE 'skipped' END)::"NotificationEmailStatus",
             "emailedAt" = ${now}
       WHERE "tenantId" = ${tenantId} AND "userId" = ${userId} AND "emailStatus" = 'pending'
   RETURNING id, type, "subjectType", "subjectId", data, "emailStatus"::text AS "emailStatus", "createdAt"`;
    if (settings.digest !== 'immediately' && rows.length) await tx.membership.update({ where: { id: membership.id }, data: { lastDigestAt: now } });
    return rows;
  });
  // In the member's language (their own locale, else the workspace's), frame and sentences alike.
  const { language } = emailLocaleFor(tenant, membership);
  const words = await translatorFor(language, tenant.branding);
  const items = claimed
    .filter((row) => row.emailStatus === 'sent')
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((row) => describeNotification(row, words));
  if (items.length === 0) return 0;
  const insightLines = settings.digest === 'weekly' ? await digestInsightLines(tenant, userId, words, createFormatter(formatSettingsFor(tenant, membership)), now) : [];
  const content = composeNotificationEmail(tenant, userId, items, settings.digest, { t: words, language }, insightLines);
  await sendEmail({ tenant, to: membership.user.email, kind: items.length === 1 ? 'notification' : 'notification_digest', ...content });
  return items.length;
}

/** The job: every member with pending notification emails whose time has come gets them. */
export async function runNotificationEmails(now: Date = new Date()): Promise<{ members: number; notifications: number }> {
  const groups = await db.notification.groupBy({ by: ['tenantId', 'userId'], where: { emailStatus: 'pending' }, _min: { createdAt: true } });
  let members = 0;
  let notifications = 0;
  for (const group of groups) {
    try {
      const sent = await emailMember(group.tenantId, group.userId, group._min.createdAt ?? now, now);
      if (sent) {
        members += 1;
        notifications += sent;
      }
    } catch (error) {
      // One member's failure (their workspace gone mid-run) must not hold up everyone else's.
      logger().error({ err: error, tenantId: group.tenantId, userId: group.userId }, 'notifications: could not email a member');
    }
  }
  return { members, notifications };
}
