import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Member } from '../auth/session.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { db, Prisma } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { conflict, notFound, parseInput, validationFailed } from '../http/problem.ts';
import { assertCan } from '../members/permissions.ts';
import { verificationRecord, type TxtResolver } from '../tenancy/domains.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { assertSsoAvailable } from './sso-available.ts';
import { checkTxtRecord, type TxtCheck } from './txt-check.ts';

// SSO domains: the email domains (acme.com) whose people sign in through the workspace's
// identity provider. A workspace proves it owns one with the same DNS TXT record as a custom
// domain (_waypoint-verify.<domain>), and only one workspace can hold a domain verified.
// Each domain is bound to one of the workspace's SAML connections (the IdP its people sign in
// with) and has its own "Require SSO".

export const MAX_SSO_DOMAINS = 20;

export const ssoDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'Use at most 253 characters.')
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, 'Enter an email domain such as example.com.');

export interface SsoDomainView {
  id: string;
  domain: string;
  verifiedAt: string | null;
  /** The SAML connection its people sign in through; null: none chosen (no SSO for it). */
  connectionId: string | null;
  requireSso: boolean;
  createdAt: string;
  record: { type: 'TXT'; name: string; value: string };
}

type DomainRow = { id: string; domain: string; verificationToken: string; verifiedAt: Date | null; connectionId: string | null; requireSso: boolean; createdAt: Date };

function toView(row: DomainRow): SsoDomainView {
  return {
    id: row.id,
    domain: row.domain,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    connectionId: row.connectionId,
    requireSso: row.requireSso,
    createdAt: row.createdAt.toISOString(),
    record: verificationRecord({ hostname: row.domain, verificationToken: row.verificationToken }),
  };
}

export async function listSsoDomains(tenantId: string): Promise<SsoDomainView[]> {
  const rows = await tenantDb(tenantId).ssoDomain.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map(toView);
}

async function verifiedElsewhere(tenantId: string, domain: string): Promise<boolean> {
  return (await db.ssoDomain.count({ where: { domain, verifiedAt: { not: null }, tenantId: { not: tenantId } } })) > 0;
}

export async function addSsoDomain(tenantId: string, input: unknown, actor: AuditActor | null, ip: string | null = null): Promise<SsoDomainView> {
  const parsed = ssoDomainSchema.safeParse(input);
  if (!parsed.success) throw validationFailed({ domain: parsed.error.issues[0].message });
  const domain = parsed.data;
  if (await verifiedElsewhere(tenantId, domain)) throw conflict('Another workspace has already verified this domain.', { domain: 'Another workspace has already verified this domain.' });
  try {
    return await tenantDb(tenantId).$transaction(async (tx) => {
      if ((await tx.ssoDomain.count()) >= MAX_SSO_DOMAINS) throw conflict(`A workspace can have at most ${MAX_SSO_DOMAINS} SSO domains.`);
      // With a single connection there is nothing to choose: the domain signs in through it.
      const connections = await tx.ssoConnection.findMany({ select: { id: true }, take: 2 });
      const connectionId = connections.length === 1 ? connections[0].id : null;
      const row = await tx.ssoDomain.create({ data: { tenantId, domain, verificationToken: randomBytes(16).toString('hex'), connectionId } });
      await recordAudit(tx, { tenantId, actor, action: 'sso.domain_added', target: { type: 'sso_domain', id: row.id }, ip, metadata: { domain } });
      return toView(row);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw conflict('This domain is already on the list.', { domain: 'This domain is already on the list.' });
    }
    throw error;
  }
}

export type SsoDomainCheck = { domain: SsoDomainView; verified: true } | { domain: SsoDomainView; verified: false; failure: Exclude<TxtCheck, { ok: true }> };

/**
 * Looks up the TXT record; when it carries the token (and no other workspace holds the domain),
 * marks it verified. Otherwise says why: no record at the name, or other values there.
 */
export async function verifySsoDomain(tenantId: string, domainId: string, actor: AuditActor | null, resolver: TxtResolver, ip: string | null = null): Promise<SsoDomainCheck> {
  const row = await tenantDb(tenantId).ssoDomain.findUnique({ where: { id: domainId } });
  if (!row) throw notFound('No such SSO domain in this workspace.');
  if (row.verifiedAt) return { domain: toView(row), verified: true };
  const record = verificationRecord({ hostname: row.domain, verificationToken: row.verificationToken });
  const check = await checkTxtRecord(resolver, record);
  if (!check.ok) return { domain: toView(row), verified: false, failure: check };

  const updated = await db.$transaction(async (tx) => {
    // One verification of a domain at a time, across workspaces, so two cannot both win.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sso-domain:${row.domain}`}))`;
    const taken = await tx.ssoDomain.count({ where: { domain: row.domain, verifiedAt: { not: null }, tenantId: { not: tenantId } } });
    if (taken) throw conflict('Another workspace has already verified this domain.');
    const verified = await tx.ssoDomain.update({ where: { id: row.id, tenantId }, data: { verifiedAt: new Date() } });
    await recordAudit(tx, { tenantId, actor, action: 'sso.domain_verified', target: { type: 'sso_domain', id: row.id }, ip, metadata: { domain: row.domain } });
    return verified;
  });
  return { domain: toView(updated), verified: true };
}

export async function removeSsoDomain(tenantId: string, domainId: string, actor: AuditActor | null, ip: string | null = null): Promise<void> {
  await tenantDb(tenantId).$transaction(async (tx) => {
    const row = await tx.ssoDomain.findUnique({ where: { id: domainId } });
    if (!row) throw notFound('No such SSO domain in this workspace.');
    await tx.ssoDomain.delete({ where: { id: row.id } });
    await recordAudit(tx, { tenantId, actor, action: 'sso.domain_removed', target: { type: 'sso_domain', id: row.id }, ip, metadata: { domain: row.domain } });
  });
}

export const updateSsoDomainSchema = z
  .object({
    connectionId: z.string().trim().min(1).max(64).nullable().optional(),
    requireSso: z.boolean().optional(),
  })
  .strict();

/** Binds a domain to a connection (or none) and turns its "Require SSO" on or off; audited. */
export async function updateSsoDomain(tenant: TenantContext, actor: Member, domainId: string, input: unknown, ip: string | null = null): Promise<SsoDomainView> {
  assertCan(actor.role, 'settings.manage');
  await assertSsoAvailable(tenant);
  const data = parseInput(updateSsoDomainSchema, input);
  const auditActor = { id: actor.userId, email: actor.email };
  return tenantDb(tenant.id).$transaction(async (tx) => {
    const row = await tx.ssoDomain.findUnique({ where: { id: domainId } });
    if (!row) throw notFound('No such SSO domain in this workspace.');
    let connectionId = row.connectionId;
    if (data.connectionId !== undefined) {
      if (data.connectionId !== null && !(await tx.ssoConnection.findUnique({ where: { id: data.connectionId }, select: { id: true } }))) {
        throw validationFailed({ connectionId: 'No such SAML connection in this workspace.' });
      }
      connectionId = data.connectionId;
    }
    // Without a connection there is nowhere to send its people: unbinding ends "Require SSO".
    const requireSso = data.requireSso ?? (connectionId ? row.requireSso : false);
    if (requireSso && (!row.verifiedAt || !connectionId)) {
      throw validationFailed({ requireSso: 'Verify the domain and choose its SAML connection before requiring SSO.' });
    }

    const updated = await tx.ssoDomain.update({ where: { id: row.id }, data: { connectionId, requireSso } });
    const target = { type: 'sso_domain', id: row.id };
    if (connectionId !== row.connectionId) {
      await recordAudit(tx, { tenantId: tenant.id, actor: auditActor, action: 'sso.domain_connection_changed', target, ip, metadata: { domain: row.domain, from: row.connectionId, to: connectionId } });
    }
    if (requireSso !== row.requireSso) {
      await recordAudit(tx, { tenantId: tenant.id, actor: auditActor, action: requireSso ? 'sso.required_enabled' : 'sso.required_disabled', target, ip, metadata: { domain: row.domain } });
    }
    return toView(updated);
  });
}

/**
 * The connection a verified SSO domain of the tenant is bound to: undefined when the domain is
 * not one of its verified SSO domains, null when it is but no connection was chosen.
 */
export async function boundConnectionOf(tenantId: string, domain: string): Promise<string | null | undefined> {
  const row = await db.ssoDomain.findFirst({ where: { tenantId, domain, verifiedAt: { not: null } }, select: { connectionId: true } });
  return row ? row.connectionId : undefined;
}
