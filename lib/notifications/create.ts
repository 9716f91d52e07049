import { db } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import { can } from '../members/permissions.ts';
import { readSettings } from './preferences.ts';
import type { NotificationData, NotificationType } from './types.ts';

// Every notification is written here: never to the person who caused it, never to someone who
// is not (or no longer) a member, as each recipient's preferences say (in app, with an email,
// or not at all), and once per cause (dedupeKey: a dispatch that runs twice adds nothing).
// Callers decide who may see the subject (visibility.ts) before they get here.

export interface NewNotification {
  userId: string;
  type: NotificationType;
  actorId?: string | null;
  subjectType: 'goal' | 'milestone' | 'habit' | 'team' | 'member';
  subjectId: string;
  data: NotificationData;
  dedupeKey: string;
}

/** Anything that can insert notifications: the platform client, a transaction, a tenantDb transaction. */
export interface NotificationWriter {
  notification: { createMany(args: { data: Prisma.NotificationCreateManyInput[]; skipDuplicates?: boolean }): PromiseLike<{ count: number }> };
}

export interface CreateOptions {
  /** Emails that go out now whatever the digest cadence says, sent by the caller (habit reminders): emailStatus 'sent'. */
  emailNow?: boolean;
}

/** Writes the notifications; answers the recipients who are to get an email of it (emailNow) and how many rows were new. */
export async function createNotifications(writer: NotificationWriter, tenantId: string, items: NewNotification[], options: CreateOptions = {}): Promise<{ created: number; emailTo: string[] }> {
  const wanted = items.filter((item) => item.userId !== item.actorId);
  if (wanted.length === 0) return { created: 0, emailTo: [] };
  const memberships = await db.membership.findMany({ where: { tenantId, userId: { in: [...new Set(wanted.map((i) => i.userId))] } }, select: { userId: true, notificationSettings: true } });
  const settings = new Map(memberships.map((m) => [m.userId, readSettings(m.notificationSettings)]));
  const rows: Prisma.NotificationCreateManyInput[] = [];
  const emailTo: string[] = [];
  for (const item of wanted) {
    const prefs = settings.get(item.userId);
    if (!prefs) continue;
    const channel = prefs.types[item.type];
    if (channel === 'none') continue;
    const email = channel === 'email';
    if (email && options.emailNow) emailTo.push(item.userId);
    rows.push({
      tenantId,
      userId: item.userId,
      type: item.type,
      actorId: item.actorId ?? null,
      subjectType: item.subjectType,
      subjectId: item.subjectId,
      data: item.data as Prisma.InputJsonObject,
      dedupeKey: item.dedupeKey,
      emailStatus: email ? (options.emailNow ? 'sent' : 'pending') : 'none',
      ...(email && options.emailNow ? { emailedAt: new Date() } : {}),
    });
  }
  if (rows.length === 0) return { created: 0, emailTo: [] };
  const { count } = await writer.notification.createMany({ data: rows, skipDuplicates: true });
  return { created: count, emailTo: count === 0 ? [] : emailTo };
}

/** The members of `userIds` who may see this goal: its owner when personal; the team's members and admins when a team's. */
export async function goalViewers(tenantId: string, goal: { ownerId: string; teamId: string | null }, userIds: string[]): Promise<Set<string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Set();
  if (!goal.teamId) return new Set(ids.filter((id) => id === goal.ownerId));
  const [inTeam, members] = await Promise.all([
    db.teamMember.findMany({ where: { tenantId, teamId: goal.teamId, userId: { in: ids } }, select: { userId: true } }),
    db.membership.findMany({ where: { tenantId, userId: { in: ids } }, select: { userId: true, role: true } }),
  ]);
  const isMember = new Set(members.map((m) => m.userId));
  const admins = members.filter((m) => can(m.role, 'teams.manage')).map((m) => m.userId);
  return new Set([...inTeam.map((m) => m.userId), ...admins].filter((id) => isMember.has(id)));
}

/** The display name of a user (their name, else their email's local part). */
export async function displayName(userId: string | null | undefined): Promise<string | null> {
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  return user ? (user.name ?? user.email.split('@')[0]) : null;
}

export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
