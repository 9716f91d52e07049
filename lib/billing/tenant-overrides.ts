import { z } from 'zod';
import { db } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import { notFound, parseInput, validationFailed } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { clearLocalTenantCache, notifyTenantChanged } from '../tenancy/tenant-cache.ts';
import { OVERRIDE_KEYS, overrideValueSchema, type OverrideKey } from './overrides.ts';

// The platform operator's overrides of one workspace's plan: set (one per key: a feature on
// or off, a limit's value), with a note saying why and maybe an end, and removed. Each change
// is in the platform audit log and clears every instance's cached workspace, so it applies at
// once (API keys' cached tiers within a minute).

export interface OverrideView {
  key: OverrideKey;
  value: boolean | number | string;
  note: string;
  expiresAt: string | null;
  /** Past its end: no longer applied (kept until removed, as a record). */
  expired: boolean;
  setBy: string | null;
  updatedAt: string;
}

const setSchema = z
  .object({
    key: z.enum(OVERRIDE_KEYS, { message: `Use one of: ${OVERRIDE_KEYS.join(', ')}.` }),
    value: z.unknown(),
    note: z.string().trim().min(1, 'Say why (the note is what the next operator reads).').max(500, 'Use at most 500 characters.'),
    expiresAt: z.coerce.date({ message: 'Use a date and time, e.g. 2027-01-31T00:00:00Z.' }).nullish(),
  })
  .strict();

async function tenantOrNotFound(tenantId: string): Promise<{ id: string; slug: string }> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true } });
  if (!tenant) throw notFound('No such workspace.');
  return tenant;
}

export async function listOverrides(_operator: OperatorActor, tenantId: string, now = new Date()): Promise<OverrideView[]> {
  await tenantOrNotFound(tenantId);
  const rows = await db.tenantOverride.findMany({ where: { tenantId }, orderBy: { key: 'asc' } });
  const users = await db.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.createdById ? [r.createdById] : [])) } }, select: { id: true, email: true } });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((row) => ({
    key: row.key as OverrideKey,
    value: row.value as boolean | number | string,
    note: row.note,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime(),
    setBy: row.createdById ? (emailOf.get(row.createdById) ?? null) : null,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** Sets (or replaces) the override of one key: { key, value, note, expiresAt? }. */
export async function setOverride(operator: OperatorActor, tenantId: string, input: unknown, ip: string | null = null, now = new Date()): Promise<OverrideView[]> {
  const data = parseInput(setSchema, input);
  const value = overrideValueSchema(data.key).safeParse(data.value);
  if (!value.success) throw validationFailed({ value: value.error.issues[0]?.message ?? 'Not a value for this key.' });
  if (data.expiresAt && data.expiresAt.getTime() <= now.getTime()) throw validationFailed({ expiresAt: 'Pick a moment in the future (or none: until removed).' });
  const tenant = await tenantOrNotFound(tenantId);
  await db.$transaction(async (tx) => {
    const fields = { value: value.data as Prisma.InputJsonValue, note: data.note, expiresAt: data.expiresAt ?? null, createdById: operator.userId };
    await tx.tenantOverride.upsert({ where: { tenantId_key: { tenantId, key: data.key } }, create: { tenantId, key: data.key, ...fields }, update: fields });
    await recordPlatformAudit(tx, {
      actor: { id: operator.userId, email: operator.email },
      action: 'tenant.override_set',
      target: { type: 'tenant', id: tenantId },
      reason: data.note,
      ip,
      metadata: { workspace: tenant.slug, key: data.key, value: value.data, expiresAt: data.expiresAt?.toISOString() ?? null },
    });
    await notifyTenantChanged(tx);
  });
  clearLocalTenantCache();
  return listOverrides(operator, tenantId, now);
}

/** Removes the override of one key: the plan's own value applies again. */
export async function removeOverride(operator: OperatorActor, tenantId: string, key: string, ip: string | null = null): Promise<OverrideView[]> {
  const tenant = await tenantOrNotFound(tenantId);
  await db.$transaction(async (tx) => {
    const removed = await tx.tenantOverride.deleteMany({ where: { tenantId, key } });
    if (removed.count === 0) throw notFound('This workspace has no override of that key.');
    await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'tenant.override_removed', target: { type: 'tenant', id: tenantId }, ip, metadata: { workspace: tenant.slug, key } });
    await notifyTenantChanged(tx);
  });
  clearLocalTenantCache();
  return listOverrides(operator, tenantId);
}
