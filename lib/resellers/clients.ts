import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/login-token.ts';
import { db, Prisma } from '../db/client.ts';
import type { TenantStatus } from '../db/generated/enums.ts';
import { sendEmail, type Delivery } from '../email/send-email.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { invitationEmail } from '../email/templates/invitation-email.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { parseInput } from '../http/problem.ts';
import { INVITATION_TTL_MS, invitationUrl } from '../members/invitations.ts';
import { assertSlugFree, createWorkspaceRecord, slugTakenError } from '../signup/sign-up.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import { clearLocalTenantCache } from '../tenancy/tenant-cache.ts';
import { assertApproved, type ResellerActor } from './reseller-actor.ts';
import { createClientSchema } from './reseller-schema.ts';

// Client workspaces: tenants a reseller creates and owns (Tenant.resellerId). The workspace is
// made by the same service as a sign-up (createWorkspaceRecord); instead of an owner with a
// password it gets an owner invitation, emailed to the client, who accepts it on the
// workspace's own host like any invitation. The reseller's users are not members of it.

export interface CreatedClient {
  tenant: { id: string; slug: string; name: string };
  invitation: { email: string; delivery: Delivery };
}

export async function createClientTenant(actor: ResellerActor, input: unknown, ip: string | null = null): Promise<CreatedClient> {
  assertApproved(actor);
  const data = parseInput(createClientSchema, input);
  await assertSlugFree(data.slug);
  const token = randomBytes(32).toString('base64url');
  let created: { tenantId: string; invitationExpiresAt: Date };
  try {
    created = await db.$transaction(async (tx) => {
      const actorRef = { id: actor.userId, email: actor.email };
      const tenant = await createWorkspaceRecord(tx, { slug: data.slug, name: data.workspaceName, resellerId: actor.resellerId }, actorRef, ip, {
        resellerId: actor.resellerId,
        resellerName: actor.reseller.name,
      });
      const invitation = await tx.invitation.create({
        data: { tenantId: tenant.id, email: data.ownerEmail, role: 'owner', tokenHash: hashToken(token), invitedById: actor.userId, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) },
      });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor: actorRef,
        action: 'invitation.created',
        target: { type: 'invitation', id: invitation.id },
        ip,
        metadata: { email: data.ownerEmail, role: 'owner', via: 'reseller' },
      });
      return { tenantId: tenant.id, invitationExpiresAt: invitation.expiresAt };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw slugTakenError();
    throw error;
  }
  clearLocalTenantCache();
  const tenant = await loadTenantById(created.tenantId);
  if (!tenant) throw new Error(`client workspace ${created.tenantId} vanished right after it was created`);
  const content = await invitationEmail({ tenant, inviterName: actor.reseller.name, role: 'owner', acceptUrl: invitationUrl(tenant, token), expiresAt: created.invitationExpiresAt, ...emailLocaleFor(tenant, null) });
  const { delivery } = await sendEmail({ tenant, to: data.ownerEmail, kind: 'invitation', ...content });
  return { tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name }, invitation: { email: data.ownerEmail, delivery } };
}

export interface ClientRow {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: string;
  /** What the client pays for its plan: the reseller's price, or the list price. */
  priceCents: number | null;
  priceSource: 'reseller' | 'list';
  members: number;
  /** The owner invitation is still open (the client has not joined yet). */
  ownerInvitationPending: boolean;
  createdAt: Date;
}

/** The reseller's own client workspaces (never a sub-reseller's, never anyone else's). */
export async function listClients(actor: ResellerActor): Promise<ClientRow[]> {
  const [tenants, prices, plans] = await Promise.all([
    db.tenant.findMany({
      where: { resellerId: actor.resellerId },
      orderBy: { createdAt: 'desc' },
      take: 1000,
      select: {
        id: true,
        slug: true,
        name: true,
        status: true,
        plan: true,
        createdAt: true,
        _count: { select: { memberships: true } },
        invitations: { where: { role: 'owner', acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, select: { id: true }, take: 1 },
      },
    }),
    db.resellerPrice.findMany({ where: { resellerId: actor.resellerId }, select: { planId: true, priceCents: true } }),
    db.plan.findMany({ select: { id: true, priceCents: true } }),
  ]);
  const resellerPrice = new Map(prices.map((p) => [p.planId, p.priceCents]));
  const listPrice = new Map(plans.map((p) => [p.id, p.priceCents]));
  return tenants.map((tenant) => {
    const own = resellerPrice.get(tenant.plan);
    return {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      status: tenant.status,
      plan: tenant.plan,
      priceCents: own ?? listPrice.get(tenant.plan) ?? null,
      priceSource: own !== undefined ? 'reseller' : 'list',
      members: tenant._count.memberships,
      ownerInvitationPending: tenant.invitations.length > 0,
      createdAt: tenant.createdAt,
    };
  });
}
