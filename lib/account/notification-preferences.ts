import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { Member } from '../auth/session.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { parseInput } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { NOTIFICATION_TOPICS, TOPICS, type NotificationTopic } from './notification-topics.ts';

// Per-member email preferences, per workspace. Stored as the topics turned off (everything
// is on by default, including topics added later); senders ask wantsEmail/optedOut before
// emailing a member.

export type Preferences = Record<NotificationTopic, boolean>;

const preferencesSchema = z.object(Object.fromEntries(TOPICS.map((topic) => [topic, z.boolean().optional()])) as Record<NotificationTopic, z.ZodOptional<z.ZodBoolean>>).strict();

function read(stored: unknown): Preferences {
  const off = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(TOPICS.map((topic) => [topic, off[topic] !== false])) as Preferences;
}

/** The topics this member's role can receive, with whether each is on. */
export async function getPreferences(tenant: TenantContext, member: Member): Promise<Partial<Preferences>> {
  const row = await tenantDb(tenant.id).membership.findUniqueOrThrow({ where: { id: member.membershipId }, select: { emailPreferences: true } });
  const all = read(row.emailPreferences);
  return Object.fromEntries(TOPICS.filter((topic) => NOTIFICATION_TOPICS[topic].roles.includes(member.role)).map((topic) => [topic, all[topic]]));
}

/** { topic: boolean, … } (topics not sent stay as they were). */
export async function updatePreferences(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<Partial<Preferences>> {
  const changes = parseInput(preferencesSchema, input);
  await tenantDb(tenant.id).$transaction(async (tx) => {
    const row = await tx.membership.findUniqueOrThrow({ where: { id: member.membershipId }, select: { emailPreferences: true } });
    const next = { ...read(row.emailPreferences), ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) } as Preferences;
    // Only what is off is stored: a topic added later starts on for everyone.
    const off = Object.fromEntries(TOPICS.filter((topic) => !next[topic]).map((topic) => [topic, false]));
    await tx.membership.update({ where: { id: member.membershipId }, data: { emailPreferences: off } });
    await recordAudit(tx, { tenantId: tenant.id, actor: { id: member.userId, email: member.email }, action: 'account.notifications_updated', target: { type: 'user', id: member.userId }, ip, metadata: changes });
  });
  return getPreferences(tenant, member);
}

/** Whether a membership's preferences (as stored) let this topic's email go out. */
export function wantsEmail(stored: unknown, topic: NotificationTopic): boolean {
  return read(stored)[topic];
}

/** The addresses of the workspace's members who turned this topic off (lower case). */
export async function optedOut(tenantId: string, topic: NotificationTopic): Promise<Set<string>> {
  const rows = await tenantDb(tenantId).membership.findMany({ where: { emailPreferences: { path: [topic], equals: false } }, select: { user: { select: { email: true } } } });
  return new Set(rows.map((row) => row.user.email.toLowerCase()));
}
