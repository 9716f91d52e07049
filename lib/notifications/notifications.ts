import { z } from 'zod';
import type { Member } from '../auth/session.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { createFormatter } from '../format/formatter.ts';
import { formatSettingsFor } from '../format/settings.ts';
import { parseInput } from '../http/problem.ts';
import { languageForRecipient, translatorFor } from '../i18n/translator.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { describeNotification, isNotificationType, type NotificationData, type NotificationPage, type NotificationView } from './types.ts';

// The notification center: a member's own notifications in this workspace, newest first.
// Reading marks them read (one, several or all); an email still waiting for one that is read
// first is not sent (emails.ts).

const PAGE_SIZE = 30;

export const listQuerySchema = z.object({
  cursor: z.string().max(100).optional(),
  unread: z.enum(['1', 'true']).optional(),
});

export const markReadSchema = z.union([z.object({ all: z.literal(true) }).strict(), z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(200) }).strict()]);

export async function unreadCount(tenant: TenantContext, member: Member): Promise<number> {
  return tenantDb(tenant.id).notification.count({ where: { userId: member.userId, readAt: null } });
}

export async function listNotifications(tenant: TenantContext, member: Member, query: z.infer<typeof listQuerySchema> = {}): Promise<NotificationPage> {
  const scoped = tenantDb(tenant.id);
  const rows = await scoped.notification.findMany({
    where: { userId: member.userId, ...(query.unread ? { readAt: null } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: PAGE_SIZE + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, PAGE_SIZE);
  // In the member's language and date format (what their pages speak).
  const t = await translatorFor(languageForRecipient(tenant, member), tenant.branding);
  const fmt = createFormatter(formatSettingsFor(tenant, { locale: member.locale ?? null, timeZone: member.timeZone ?? null }));
  const items: NotificationView[] = page
    .filter((row) => isNotificationType(row.type))
    .map((row) => {
      const data = (row.data ?? {}) as NotificationData;
      const { text, href } = describeNotification({ type: row.type, subjectType: row.subjectType, subjectId: row.subjectId, data }, t, (date) => fmt.day(date));
      return { id: row.id, type: row.type as NotificationView['type'], text, href, actorName: data.actorName ?? null, read: row.readAt !== null, createdAt: row.createdAt.toISOString() };
    });
  return { items, unread: await unreadCount(tenant, member), nextCursor: rows.length > PAGE_SIZE ? page[page.length - 1].id : null };
}

/** { ids: [...] } or { all: true }: marks the member's own notifications read; answers the unread count. */
export async function markRead(tenant: TenantContext, member: Member, input: unknown): Promise<{ unread: number }> {
  const body = parseInput(markReadSchema, input);
  const now = new Date();
  await tenantDb(tenant.id).notification.updateMany({
    where: { userId: member.userId, readAt: null, ...('ids' in body ? { id: { in: body.ids } } : {}) },
    data: { readAt: now },
  });
  return { unread: await unreadCount(tenant, member) };
}
