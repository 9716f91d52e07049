import { db } from '../db/client.ts';
import type { Role, TenantStatus } from '../db/generated/enums.ts';
import { listImpersonations, type ImpersonationView } from './impersonation.ts';

// The operator's page of one workspace (/operator/tenants/[tenantId]): who is in it, what it
// uses (API calls per billing period, seats, stored brand images), its plan and invoices,
// domains, SSO and SCIM, its reseller, support sessions, and what happened to it lately.

const MEMBER_PAGE = 100;
const USAGE_PERIODS = 6;

export interface TenantDetails {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: string;
  createdAt: Date;
  trialEndsAt: Date | null;
  deletionScheduledAt: Date | null;
  reseller: { id: string; name: string } | null;
  impersonationApproval: boolean;
  members: { userId: string; email: string; name: string | null; role: Role; joinedAt: Date; platformStaff: boolean }[];
  memberCount: number;
  usage: { periodStart: Date; apiRequests: number }[];
  storageBytes: number;
  domains: { hostname: string; verified: boolean }[];
  sso: { connections: number; directories: number };
  invoices: { id: string; status: string; updatedAt: Date }[];
  overrides: { key: string; value: unknown; note: string; expiresAt: Date | null }[];
  impersonations: ImpersonationView[];
  platformEvents: { id: string; createdAt: Date; action: string; actorEmail: string | null; reason: string | null }[];
  workspaceEvents: { id: string; createdAt: Date; action: string; actorEmail: string | null }[];
}

const ROLE_ORDER: Record<Role, number> = { owner: 0, admin: 1, member: 2, viewer: 3 };

export async function tenantDetails(tenantId: string): Promise<TenantDetails | null> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { id: true, slug: true, name: true, status: true, plan: true, createdAt: true, trialEndsAt: true, deletionScheduledAt: true, impersonationApproval: true, resellerId: true },
  });
  if (!tenant) return null;
  const [reseller, memberships, memberCount, usage, storage, domains, connections, directories, invoices, overrides, impersonations, platformEvents, workspaceEvents] = await Promise.all([
    tenant.resellerId ? db.reseller.findUnique({ where: { id: tenant.resellerId }, select: { id: true, name: true } }) : null,
    db.membership.findMany({ where: { tenantId }, take: MEMBER_PAGE, orderBy: { createdAt: 'asc' }, select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true, platformRole: true } } } }),
    db.membership.count({ where: { tenantId } }),
    db.usagePeriod.findMany({ where: { tenantId, metric: 'api_requests' }, orderBy: { periodStart: 'desc' }, take: USAGE_PERIODS, select: { periodStart: true, value: true } }),
    db.asset.aggregate({ where: { tenantId }, _sum: { size: true } }),
    db.domain.findMany({ where: { tenantId }, select: { hostname: true, verifiedAt: true }, orderBy: { hostname: 'asc' } }),
    db.ssoConnection.count({ where: { tenantId } }),
    db.scimDirectory.count({ where: { tenantId } }),
    db.stripeInvoice.findMany({ where: { tenantId }, orderBy: { updatedAt: 'desc' }, take: 10, select: { id: true, status: true, updatedAt: true } }),
    db.tenantOverride.findMany({ where: { tenantId }, orderBy: { key: 'asc' }, select: { key: true, value: true, note: true, expiresAt: true } }),
    listImpersonations(tenantId, 10),
    db.platformAuditLog.findMany({ where: { targetType: 'tenant', targetId: tenantId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 10, select: { id: true, createdAt: true, action: true, actorEmail: true, reason: true } }),
    db.auditLog.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 10, select: { id: true, createdAt: true, action: true, actorEmail: true } }),
  ]);
  return {
    ...tenant,
    reseller,
    members: memberships
      .map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt, platformStaff: m.user.platformRole !== null }))
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.email.localeCompare(b.email)),
    memberCount,
    usage: usage.reverse().map((row) => ({ periodStart: row.periodStart, apiRequests: row.value })),
    storageBytes: storage._sum.size ?? 0,
    domains: domains.map((d) => ({ hostname: d.hostname, verified: d.verifiedAt !== null })),
    sso: { connections, directories },
    invoices,
    overrides,
    impersonations,
    platformEvents,
    workspaceEvents,
  };
}
