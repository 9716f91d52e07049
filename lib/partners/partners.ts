import { randomBytes } from 'node:crypto';
import { tenantOrigin } from '../config/env.ts';
import { db, Prisma } from '../db/client.ts';
import type { PartnerStatus } from '../db/generated/enums.ts';
import { AppError, notFound, parseInput, tooManyRequests, validationFailed } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { suggestSlug } from '../signup/signup-schema.ts';
import { agreementState, CURRENT_AGREEMENT, type AgreementState } from './agreement.ts';
import { assertPartnerOwner, type PartnerActor } from './partner-actor.ts';
import { sendApplicationReceivedEmail, sendPartnerDecisionEmail, type PartnerDecisionKind } from './partner-emails.ts';
import { acceptAgreementSchema, partnerApplicationSchema, partnerDecisionSchema, partnerProfileSchema, PARTNER_STATUSES } from './partner-schema.ts';
import { dropPartnerInvitations, issuePartnerInvitation, pendingPartnerInvitations } from './partner-users.ts';
import { ensurePartnerSandbox } from './sandbox.ts';

// The partner program: the public application, the operator's decisions (applied → active or
// rejected; active ⇄ suspended), each with a reason where one is owed and an email, the
// profile and the agreement. Every transition writes a PlatformAuditLog entry in the same
// transaction (lib/platform/platform-audit.ts).

type Tx = Prisma.TransactionClient;

export const APPLICATION_WINDOW_MINUTES = 15;
export const MAX_APPLICATIONS_PER_ADDRESS = 3;
export const MAX_APPLICATIONS_PER_IP = 10;

const APPLICATION_RECEIVED =
  'Thanks! Check your email: we sent a link to confirm your address and set up your account. The Waypoint team reviews your application and writes to you with the decision.';

async function freePartnerSlug(tx: Tx, name: string): Promise<string> {
  const base = suggestSlug(name).slice(0, 24).replace(/-+$/g, '') || 'partner';
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const slug = attempt === 0 ? base : `${base.slice(0, 24)}-${randomBytes(3).toString('hex')}`;
    if (!(await tx.partner.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  return `partner-${randomBytes(6).toString('hex')}`;
}

/**
 * The public "Become a partner" form: the partner (status applied) and a link for the contact
 * to confirm their address and set up (or confirm) their account, which makes them its first
 * owner. The same answer for every address; throttled per address and per IP.
 */
export async function applyForPartnership(input: unknown, ip: string | null): Promise<{ status: 'received'; message: string; partnerId: string }> {
  const data = parseInput(partnerApplicationSchema, input);
  const since = new Date(Date.now() - APPLICATION_WINDOW_MINUTES * 60_000);
  const [byAddress, byIp] = await Promise.all([
    db.platformAuditLog.count({ where: { action: 'partner.applied', createdAt: { gte: since }, metadata: { path: ['email'], equals: data.email } } }),
    ip ? db.platformAuditLog.count({ where: { action: 'partner.applied', createdAt: { gte: since }, ip } }) : 0,
  ]);
  if (byAddress >= MAX_APPLICATIONS_PER_ADDRESS || byIp >= MAX_APPLICATIONS_PER_IP) {
    throw tooManyRequests(`Too many applications. Try again in ${APPLICATION_WINDOW_MINUTES} minutes.`, APPLICATION_WINDOW_MINUTES * 60);
  }
  const { partner, link } = await db.$transaction(async (tx) => {
    const partner = await tx.partner.create({
      data: {
        name: data.companyName,
        slug: await freePartnerSlug(tx, data.companyName),
        status: 'applied',
        website: data.website,
        supportEmail: data.email,
        applicationNote: data.note,
      },
      select: { id: true, name: true },
    });
    const link = await issuePartnerInvitation(tx, partner.id, 'owner', data.email);
    await recordPlatformAudit(tx, {
      actor: null,
      action: 'partner.applied',
      target: { type: 'partner', id: partner.id },
      ip,
      metadata: { email: data.email, contactName: data.contactName, name: data.companyName, website: data.website },
    });
    return { partner, link };
  });
  await sendApplicationReceivedEmail(data.email, partner.name, link.token, link.expiresAt);
  return { status: 'received', message: APPLICATION_RECEIVED, partnerId: partner.id };
}

/** Which decisions a status allows, and the status each leads to. */
const TRANSITIONS: Record<'approve' | 'reject' | 'suspend' | 'reinstate', { from: PartnerStatus[]; to: PartnerStatus; kind: PartnerDecisionKind }> = {
  approve: { from: ['applied'], to: 'active', kind: 'approved' },
  reject: { from: ['applied'], to: 'rejected', kind: 'rejected' },
  suspend: { from: ['active'], to: 'suspended', kind: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active', kind: 'reinstated' },
};

export interface PartnerSummary {
  id: string;
  name: string;
  slug: string;
  status: PartnerStatus;
  statusReason: string | null;
  decidedAt: Date | null;
}

/**
 * The operator approves or rejects an application, or suspends or reinstates a partner. A
 * rejection and a suspension need a reason; every decision is emailed to the partner's owners
 * (to the applicant's address while nobody has confirmed yet, with a fresh set-up link on
 * approval). Approval makes the sandbox workspace.
 */
export async function decidePartner(operator: OperatorActor, partnerId: string, input: unknown, ip: string | null = null): Promise<PartnerSummary & { sandbox: { slug: string; url: string } | null }> {
  const decision = parseInput(partnerDecisionSchema, input);
  const rule = TRANSITIONS[decision.action];
  const reason = decision.reason?.trim() || null;
  const { partner, recipients, setup } = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: PartnerStatus }[]>`SELECT id, status FROM "Partner" WHERE id = ${partnerId} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw notFound('No such partner.');
    if (!rule.from.includes(current.status)) {
      throw new AppError(409, 'partner_application_decided', `This partner is ${current.status}: it cannot be ${rule.kind} now.`);
    }
    const partner = await tx.partner.update({
      where: { id: partnerId },
      data: { status: rule.to, statusReason: reason, decidedAt: new Date(), decidedById: operator.userId },
      select: { id: true, name: true, slug: true, status: true, statusReason: true, decidedAt: true },
    });
    await recordPlatformAudit(tx, {
      actor: { id: operator.userId, email: operator.email },
      action: `partner.${rule.kind}`,
      target: { type: 'partner', id: partnerId },
      reason,
      ip,
      metadata: { from: current.status, to: rule.to, name: partner.name },
    });
    const owners = await tx.partnerUser.findMany({ where: { partnerId, role: 'owner' }, select: { user: { select: { email: true } } } });
    let recipients = owners.map((owner) => owner.user.email);
    let setup: { token: string; expiresAt: Date } | null = null;
    if (recipients.length === 0) {
      // Nobody has followed the application's link yet: write to the address that applied.
      const pending = (await pendingPartnerInvitations(partnerId, tx)).filter((invite) => invite.role === 'owner').map((invite) => invite.email);
      const applied = await tx.platformAuditLog.findFirst({ where: { action: 'partner.applied', targetType: 'partner', targetId: partnerId }, select: { metadata: true } });
      const appliedEmail = (applied?.metadata as { email?: unknown } | null)?.email;
      recipients = pending.length ? pending : typeof appliedEmail === 'string' ? [appliedEmail] : [];
      if (decision.action === 'approve' && recipients[0]) setup = await issuePartnerInvitation(tx, partnerId, 'owner', recipients[0]);
    }
    if (decision.action === 'reject') await dropPartnerInvitations(tx, partnerId);
    return { partner, recipients, setup };
  });
  const sandbox = decision.action === 'approve' || decision.action === 'reinstate' ? await ensurePartnerSandbox(partnerId) : await db.tenant.findUnique({ where: { sandboxOfPartnerId: partnerId } });
  for (const [index, to] of recipients.entries()) await sendPartnerDecisionEmail(to, partner, rule.kind, reason, index === 0 ? setup : null);
  return { ...partner, sandbox: sandbox ? { slug: sandbox.slug, url: tenantOrigin(sandbox.slug) } : null };
}

/** An owner edits the profile (name, website, support address, privacy policy). */
export async function updatePartnerProfile(actor: PartnerActor, input: unknown, ip: string | null = null) {
  assertPartnerOwner(actor);
  const data = parseInput(partnerProfileSchema, input);
  const changes: Prisma.PartnerUpdateInput = {};
  if (data.name !== undefined) changes.name = data.name;
  if (data.website !== undefined) changes.website = data.website || null;
  if (data.supportEmail !== undefined) changes.supportEmail = data.supportEmail || null;
  if (data.privacyPolicyUrl !== undefined) changes.privacyPolicyUrl = data.privacyPolicyUrl || null;
  if (Object.keys(changes).length === 0) throw validationFailed({}, 'Change at least one field.');
  return db.$transaction(async (tx) => {
    const updated = await tx.partner.update({ where: { id: actor.partnerId }, data: changes, select: profileSelect });
    await recordPlatformAudit(tx, {
      actor: { id: actor.userId, email: actor.email },
      action: 'partner.profile_updated',
      target: { type: 'partner', id: actor.partnerId },
      ip,
      metadata: { fields: Object.keys(changes) },
    });
    return updated;
  });
}

const profileSelect = { id: true, name: true, slug: true, status: true, website: true, supportEmail: true, privacyPolicyUrl: true, logoAssetId: true } as const;

export async function getPartnerProfile(actor: PartnerActor) {
  return db.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: profileSelect });
}

/** An owner accepts the current partner agreement (the version they read must be the current one). */
export async function acceptPartnerAgreement(actor: PartnerActor, input: unknown, ip: string | null = null): Promise<{ version: string; acceptedAt: Date }> {
  assertPartnerOwner(actor);
  const { version } = parseInput(acceptAgreementSchema, input);
  if (version !== CURRENT_AGREEMENT.version) throw validationFailed({ version: `The current agreement is version ${CURRENT_AGREEMENT.version}. Reload the page and read it.` }, 'That is not the current agreement.');
  const acceptedAt = new Date();
  await db.$transaction(async (tx) => {
    const before = await tx.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: { agreementVersion: true } });
    await tx.partner.update({ where: { id: actor.partnerId }, data: { agreementVersion: version, agreementAcceptedAt: acceptedAt, agreementAcceptedById: actor.userId } });
    await recordPlatformAudit(tx, {
      actor: { id: actor.userId, email: actor.email },
      action: 'partner.agreement_accepted',
      target: { type: 'partner', id: actor.partnerId },
      ip,
      metadata: { version, previousVersion: before.agreementVersion },
    });
  });
  return { version, acceptedAt };
}

export interface PartnerOverview {
  partner: { id: string; name: string; slug: string; status: PartnerStatus; statusReason: string | null; website: string | null; supportEmail: string | null; createdAt: Date };
  agreement: { state: AgreementState; version: string | null; acceptedAt: Date | null; acceptedBy: string | null; current: string };
  sandbox: { slug: string; name: string; url: string } | null;
  apps: { total: number; published: number; draft: number; inReview: number };
  people: { users: number; pending: number };
}

export async function getPartnerOverview(actor: PartnerActor): Promise<PartnerOverview> {
  const [partner, sandbox, appsByStatus, inReview, users, pending] = await Promise.all([
    db.partner.findUniqueOrThrow({
      where: { id: actor.partnerId },
      select: { id: true, name: true, slug: true, status: true, statusReason: true, website: true, supportEmail: true, createdAt: true, agreementVersion: true, agreementAcceptedAt: true, agreementAcceptedById: true },
    }),
    db.tenant.findUnique({ where: { sandboxOfPartnerId: actor.partnerId }, select: { slug: true, name: true } }),
    db.marketplaceApp.groupBy({ by: ['status'], where: { partnerId: actor.partnerId }, _count: { _all: true } }),
    db.appVersion.count({ where: { app: { partnerId: actor.partnerId }, status: { in: ['submitted', 'in_review'] } } }),
    db.partnerUser.count({ where: { partnerId: actor.partnerId } }),
    pendingPartnerInvitations(actor.partnerId),
  ]);
  const acceptedBy = partner.agreementAcceptedById ? await db.user.findUnique({ where: { id: partner.agreementAcceptedById }, select: { email: true } }) : null;
  const count = (status: string) => appsByStatus.find((row) => row.status === status)?._count._all ?? 0;
  return {
    partner: { id: partner.id, name: partner.name, slug: partner.slug, status: partner.status, statusReason: partner.statusReason, website: partner.website, supportEmail: partner.supportEmail, createdAt: partner.createdAt },
    agreement: { state: agreementState(partner), version: partner.agreementVersion, acceptedAt: partner.agreementAcceptedAt, acceptedBy: acceptedBy?.email ?? null, current: CURRENT_AGREEMENT.version },
    sandbox: sandbox ? { ...sandbox, url: tenantOrigin(sandbox.slug) } : null,
    apps: { total: appsByStatus.reduce((sum, row) => sum + row._count._all, 0), published: count('published'), draft: count('draft'), inReview },
    people: { users, pending: pending.length },
  };
}

export interface OperatorPartnerRow {
  id: string;
  name: string;
  slug: string;
  status: PartnerStatus;
  website: string | null;
  applicationNote: string | null;
  statusReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  owners: string[];
  /** The applicant's address while nobody has confirmed the application's link. */
  pendingContact: string | null;
  appCount: number;
  sandboxSlug: string | null;
  agreementVersion: string | null;
}

/** A status filter from the URL, or null (all). */
export function parsePartnerStatusFilter(value: unknown): PartnerStatus | null {
  return typeof value === 'string' && (PARTNER_STATUSES as readonly string[]).includes(value) ? (value as PartnerStatus) : null;
}

/** The operator's list: applications first (oldest first, the queue), then everyone else by name. */
export async function listPartnersForOperator(status: PartnerStatus | null = null): Promise<OperatorPartnerRow[]> {
  const rows = await db.partner.findMany({
    where: status ? { status } : {},
    orderBy: [{ createdAt: 'asc' }],
    take: 500,
    select: {
      id: true,
      name: true,
      slug: true,
      status: true,
      website: true,
      applicationNote: true,
      statusReason: true,
      createdAt: true,
      decidedAt: true,
      agreementVersion: true,
      users: { where: { role: 'owner' }, select: { user: { select: { email: true } } }, take: 5 },
      sandbox: { select: { slug: true } },
      _count: { select: { apps: true } },
    },
  });
  const unconfirmed = rows.filter((row) => row.users.length === 0).map((row) => row.id);
  const pendingByPartner = new Map<string, string>();
  await Promise.all(
    unconfirmed.map(async (partnerId) => {
      const invite = (await pendingPartnerInvitations(partnerId)).find((row) => row.role === 'owner');
      if (invite) pendingByPartner.set(partnerId, invite.email);
    }),
  );
  const order = (s: PartnerStatus) => (s === 'applied' ? 0 : 1);
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      status: row.status,
      website: row.website,
      applicationNote: row.applicationNote,
      statusReason: row.statusReason,
      createdAt: row.createdAt,
      decidedAt: row.decidedAt,
      owners: row.users.map((u) => u.user.email),
      pendingContact: pendingByPartner.get(row.id) ?? null,
      appCount: row._count.apps,
      sandboxSlug: row.sandbox?.slug ?? null,
      agreementVersion: row.agreementVersion,
    }))
    .sort((a, b) => order(a.status) - order(b.status) || (a.status === 'applied' ? a.createdAt.getTime() - b.createdAt.getTime() : a.name.localeCompare(b.name)));
}
