import { z } from 'zod';
import type { Member } from '../auth/session.ts';
import type { Prisma } from '../db/generated/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { parseInput } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { CHANNELS, DIGEST_CADENCES, NOTIFICATION_TYPES, NOTIFICATION_TYPE_INFO, type Channel, type DigestCadence, type NotificationType } from './types.ts';

// A member's notification preferences in one workspace (Membership.notificationSettings):
// { types: { mention: 'email', kudos: 'none' }, digest: 'daily' }. Only what differs from the
// defaults is stored, so a type added later starts at its default for everyone.

export interface NotificationSettings {
  types: Record<NotificationType, Channel>;
  digest: DigestCadence;
}

export const DEFAULT_DIGEST: DigestCadence = 'daily';

export function readSettings(stored: unknown): NotificationSettings {
  const raw = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const types = raw.types && typeof raw.types === 'object' ? (raw.types as Record<string, unknown>) : {};
  return {
    types: Object.fromEntries(
      NOTIFICATION_TYPES.map((type) => {
        const value = types[type];
        return [type, typeof value === 'string' && (CHANNELS as readonly string[]).includes(value) ? (value as Channel) : NOTIFICATION_TYPE_INFO[type].defaultChannel];
      }),
    ) as Record<NotificationType, Channel>,
    digest: typeof raw.digest === 'string' && (DIGEST_CADENCES as readonly string[]).includes(raw.digest) ? (raw.digest as DigestCadence) : DEFAULT_DIGEST,
  };
}

/** What is stored: only the choices that differ from the defaults. */
export function storedSettings(settings: NotificationSettings): Prisma.InputJsonObject {
  const types = Object.fromEntries(NOTIFICATION_TYPES.filter((type) => settings.types[type] !== NOTIFICATION_TYPE_INFO[type].defaultChannel).map((type) => [type, settings.types[type]]));
  return { ...(Object.keys(types).length ? { types } : {}), ...(settings.digest !== DEFAULT_DIGEST ? { digest: settings.digest } : {}) };
}

export const settingsInputSchema = z
  .object({
    types: z.object(Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, z.enum(CHANNELS).optional()])) as Record<NotificationType, z.ZodOptional<z.ZodEnum<{ [K in Channel]: K }>>>).strict().optional(),
    digest: z.enum(DIGEST_CADENCES).optional(),
  })
  .strict();

export async function getNotificationSettings(tenant: TenantContext, member: Member): Promise<NotificationSettings> {
  const row = await tenantDb(tenant.id).membership.findUniqueOrThrow({ where: { id: member.membershipId }, select: { notificationSettings: true } });
  return readSettings(row.notificationSettings);
}

/** { types?: { type: channel }, digest? } (what is not sent stays as it was). */
export async function updateNotificationSettings(tenant: TenantContext, member: Member, input: unknown): Promise<NotificationSettings> {
  const changes = parseInput(settingsInputSchema, input);
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const row = await tx.membership.findUniqueOrThrow({ where: { id: member.membershipId }, select: { notificationSettings: true } });
    const current = readSettings(row.notificationSettings);
    const next: NotificationSettings = {
      types: { ...current.types, ...(Object.fromEntries(Object.entries(changes.types ?? {}).filter(([, v]) => v !== undefined)) as Partial<Record<NotificationType, Channel>>) },
      digest: changes.digest ?? current.digest,
    };
    await tx.membership.update({ where: { id: member.membershipId }, data: { notificationSettings: storedSettings(next) } });
    // Emails waiting for a type now turned off (or in-app only) will not be sent.
    const noEmail = NOTIFICATION_TYPES.filter((type) => next.types[type] !== 'email');
    if (noEmail.length) await tx.notification.updateMany({ where: { userId: member.userId, emailStatus: 'pending', type: { in: noEmail } }, data: { emailStatus: 'skipped' } });
    return next;
  });
}

/** Stops emails of one type (or all types) for a member: the one-click unsubscribe. Keeps them in app. */
export async function turnOffEmail(tenantId: string, userId: string, scope: NotificationType | 'all'): Promise<boolean> {
  return tenantDb(tenantId).$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; notificationSettings: unknown }[]>`
      SELECT id, "notificationSettings" FROM "Membership" WHERE "tenantId" = ${tenantId} AND "userId" = ${userId} FOR UPDATE`;
    const row = rows[0];
    if (!row) return false;
    const current = readSettings(row.notificationSettings);
    const types = { ...current.types };
    for (const type of NOTIFICATION_TYPES) if ((scope === 'all' || scope === type) && types[type] === 'email') types[type] = 'in_app';
    await tx.membership.update({ where: { id: row.id }, data: { notificationSettings: storedSettings({ ...current, types }) } });
    await tx.notification.updateMany({
      where: { userId, emailStatus: 'pending', ...(scope === 'all' ? {} : { type: scope }) },
      data: { emailStatus: 'skipped' },
    });
    return true;
  });
}
