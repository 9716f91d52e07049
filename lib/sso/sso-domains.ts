import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { db, Prisma } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { conflict, notFound, validationFailed } from '../http/problem.ts';
import { verificationRecord, type TxtResolver } from '../tenancy/domains.ts';

// SSO domains: the email domains (acme.com) whose people sign in through the workspace's
// identity provider. A workspace proves it owns one with the same DNS TXT record as a custom
// domain (_waypoint-verify.<domain>), and only one workspace can hold a domain verified.

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
  createdAt: string;
  record: { type: 'TXT'; name: string; value: string };
}

function toView(row: { id: string; domain: string; verificationToken: string; verifiedAt: Date | null; createdAt: Date }): SsoDomainView {
  return {
    id: row.id,
    domain: row.domain,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
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
      const row = await tx.ssoDomain.create({ data: { tenantId, domain, verificationToken: randomBytes(16).toString('hex') } });
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

/** Looks up the TXT record; when it carries the token (and no other workspace holds the domain), marks it verified. */
export async function verifySsoDomain(tenantId: string, domainId: string, actor: AuditActor | null, resolver: TxtResolver, ip: string | null = null) {
  const row = await tenantDb(tenantId).ssoDomain.findUnique({ where: { id: domainId } });
  if (!row) throw notFound('No such SSO domain in this workspace.');
  if (row.verifiedAt) return { domain: toView(row), verified: true };
  const record = verificationRecord({ hostname: row.domain, verificationToken: row.verificationToken });
  const answers = await resolver(record.name).catch(() => [] as string[][]);
  if (!answers.some((chunks) => chunks.join('') === record.value)) return { domain: toView(row), verified: false };

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

/** The tenant's verified SSO domain covering this email, if any. */
export async function verifiedSsoDomainFor(tenantId: string, domain: string): Promise<boolean> {
  return (await db.ssoDomain.count({ where: { tenantId, domain, verifiedAt: { not: null } } })) > 0;
}
