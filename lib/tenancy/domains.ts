import { randomBytes } from 'node:crypto';
import { resolveTxt } from 'node:dns/promises';
import { z } from 'zod';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { requireFeature } from '../billing/entitlements.ts';
import { config, env } from '../config/env.ts';
import { Prisma } from '../db/client.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { conflict, notFound, validationFailed } from '../http/problem.ts';
import { clearLocalTenantCache, notifyTenantChanged } from './tenant-cache.ts';

// Custom domains: a tenant adds a hostname, proves it controls it with a DNS TXT record,
// and only then is the hostname served.

export const VERIFICATION_PREFIX = '_waypoint-verify';

const hostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'Use at most 253 characters.')
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, 'Enter a hostname such as coach.example.com.')
  .refine((host) => {
    const root = config.rootDomain.replace(/:\d+$/, '');
    return host !== root && !host.endsWith(`.${root}`);
  }, 'Subdomains of the platform are assigned automatically.');

export type TxtResolver = (hostname: string) => Promise<string[][]>;

export function verificationRecord(domain: { hostname: string; verificationToken: string }) {
  return { type: 'TXT' as const, name: `${VERIFICATION_PREFIX}.${domain.hostname}`, value: `waypoint-verify=${domain.verificationToken}` };
}

export async function addDomain(tenantId: string, hostname: unknown, actor: AuditActor | null) {
  const tenant = await tenantDb(tenantId).tenant.findUnique({ where: { id: tenantId }, select: { plan: true } });
  if (!tenant) throw notFound('No such workspace.');
  await requireFeature(tenant, 'custom_domain');
  const parsed = hostnameSchema.safeParse(hostname);
  if (!parsed.success) throw validationFailed({ hostname: parsed.error.issues[0].message });
  try {
    return await tenantDb(tenantId).$transaction(async (tx) => {
      const domain = await tx.domain.create({ data: { tenantId, hostname: parsed.data, verificationToken: randomBytes(16).toString('hex') } });
      await recordAudit(tx, { tenantId, actor, action: 'domain.added', target: { type: 'domain', id: domain.id }, metadata: { hostname: domain.hostname } });
      return domain;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw conflict('This hostname is already connected to a workspace.', { hostname: 'This hostname is already connected to a workspace.' });
    }
    throw error;
  }
}

/** Looks up the TXT record and, when it carries the token, starts serving the domain. */
export async function verifyDomain(tenantId: string, domainId: string, actor: AuditActor | null, resolver: TxtResolver = resolveTxt) {
  const scoped = tenantDb(tenantId);
  const domain = await scoped.domain.findUnique({ where: { id: domainId } });
  if (!domain) throw notFound('No such domain in this workspace.');
  if (domain.verifiedAt) return { domain, verified: true };
  const record = verificationRecord(domain);
  const answers = await resolver(record.name).catch(() => [] as string[][]);
  if (!answers.some((chunks) => chunks.join('') === record.value)) return { domain, verified: false };

  const verified = await scoped.$transaction(async (tx) => {
    const updated = await tx.domain.update({ where: { id: domain.id }, data: { verifiedAt: new Date() } });
    await recordAudit(tx, { tenantId, actor, action: 'domain.verified', target: { type: 'domain', id: domain.id }, metadata: { hostname: domain.hostname } });
    await notifyTenantChanged(tx);
    return updated;
  });
  clearLocalTenantCache();
  return { domain: verified, verified: true };
}

export async function removeDomain(tenantId: string, domainId: string, actor: AuditActor | null): Promise<void> {
  await tenantDb(tenantId).$transaction(async (tx) => {
    const { count } = await tx.domain.deleteMany({ where: { id: domainId } });
    if (!count) throw notFound('No such domain in this workspace.');
    await recordAudit(tx, { tenantId, actor, action: 'domain.removed', target: { type: 'domain', id: domainId } });
    await notifyTenantChanged(tx);
  });
  clearLocalTenantCache();
}

/** The hostname customers point their CNAME at (CNAME_TARGET, default cname.<root domain>). */
export function cnameTarget(): string {
  return env().CNAME_TARGET ?? `cname.${config.rootDomain.replace(/:\d+$/, '')}`;
}

export async function listDomains(tenantId: string) {
  const domains = await tenantDb(tenantId).domain.findMany({ orderBy: { createdAt: 'asc' } });
  return domains.map((domain) => ({
    id: domain.id,
    hostname: domain.hostname,
    verifiedAt: domain.verifiedAt?.toISOString() ?? null,
    createdAt: domain.createdAt.toISOString(),
    records: [{ type: 'CNAME' as const, name: domain.hostname, value: cnameTarget() }, verificationRecord(domain)],
  }));
}
