import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { hashToken } from '../auth/login-token.ts';
import { endSessions } from '../auth/user-sessions.ts';
import { tenantOrigin } from '../config/env.ts';
import { db, type Prisma } from '../db/client.ts';
import type { ImpersonationStatus } from '../db/generated/enums.ts';
import { AppError, notFound, parseInput } from '../http/problem.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { recordPlatformAudit } from './platform-audit.ts';
import { emailImpersonationDecision, emailImpersonationRequest } from './impersonation-emails.ts';

// Support acting as a member (the operator console's "Act as"). An operator with the support
// permission asks, with a reason and a time limit; where the workspace requires it, an owner
// approves first. Starting it issues a two-minute, single-use token that the operator's
// browser trades for a session on the workspace's host: a session that ends at the time
// limit, is read-only unless asked otherwise, never reaches the member's own account
// settings, and shows a banner on every page. Every step is recorded in the platform's audit
// log and in the workspace's own.

export const DEFAULT_MINUTES = 30;
const MAX_MINUTES = 240;
/** An approval is good for this long: support starts soon after asking, or asks again. */
const APPROVAL_TTL_MS = 24 * 60 * 60_000;
const TOKEN_TTL_MS = 2 * 60_000;

export const impersonationRequestSchema = z.object({
  tenantId: z.string().trim().min(1).max(64),
  userId: z.string().trim().min(1).max(64),
  reason: z.string().trim().min(10, 'Say why, in a sentence (at least 10 characters).').max(500),
  minutes: z.number().int().min(5).max(MAX_MINUTES).default(DEFAULT_MINUTES),
  readOnly: z.boolean().default(true),
});

export const impersonationDecisionSchema = z.object({ decision: z.enum(['approve', 'deny']) });

/** What the operator, the owners and the banner see of one impersonation. */
export interface ImpersonationView {
  id: string;
  tenantId: string;
  member: { userId: string; email: string; name: string | null };
  operatorEmail: string;
  reason: string;
  readOnly: boolean;
  minutes: number;
  /** The stored status, with an active one past its time shown as ended. */
  state: ImpersonationStatus | 'expired';
  createdAt: string;
  startedAt: string | null;
  expiresAt: string | null;
  endedAt: string | null;
}

const VIEW_SELECT = {
  id: true,
  tenantId: true,
  operatorEmail: true,
  reason: true,
  readOnly: true,
  durationMinutes: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  startedAt: true,
  expiresAt: true,
  endedAt: true,
  user: { select: { id: true, email: true, name: true } },
} as const satisfies Prisma.ImpersonationSelect;

type Row = Prisma.ImpersonationGetPayload<{ select: typeof VIEW_SELECT }>;

function stateOf(row: Pick<Row, 'status' | 'expiresAt' | 'decidedAt' | 'createdAt'>, now: Date): ImpersonationView['state'] {
  if (row.status === 'active' && row.expiresAt && row.expiresAt <= now) return 'expired';
  if (row.status === 'approved' && (row.decidedAt ?? row.createdAt).getTime() + APPROVAL_TTL_MS <= now.getTime()) return 'expired';
  return row.status;
}

function toView(row: Row, now = new Date()): ImpersonationView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    member: { userId: row.user.id, email: row.user.email, name: row.user.name },
    operatorEmail: row.operatorEmail,
    reason: row.reason,
    readOnly: row.readOnly,
    minutes: row.durationMinutes,
    state: stateOf(row, now),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

function auditBoth(tx: Prisma.TransactionClient, input: { tenantId: string; impersonationId: string; actor: { id: string; email: string } | null; action: string; reason?: string; ip?: string | null; metadata?: Prisma.InputJsonObject }) {
  const metadata = { impersonationId: input.impersonationId, ...input.metadata };
  return Promise.all([
    recordPlatformAudit(tx, { actor: input.actor, action: input.action, target: { type: 'tenant', id: input.tenantId }, reason: input.reason ?? null, ip: input.ip ?? null, metadata }),
    recordAudit(tx, { tenantId: input.tenantId, actor: input.actor, action: input.action, target: { type: 'impersonation', id: input.impersonationId }, ip: input.ip ?? null, metadata: input.reason ? { ...metadata, reason: input.reason } : metadata }),
  ]);
}

/** An operator asks to act as a member: approved at once unless the workspace requires an owner's approval. */
export async function requestImpersonation(operator: OperatorActor, input: unknown, ip: string | null = null): Promise<ImpersonationView> {
  const { tenantId, userId, reason, minutes, readOnly } = parseInput(impersonationRequestSchema, input);
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, impersonationApproval: true } });
  if (!tenant) throw notFound('No such workspace.');
  const membership = await db.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } }, select: { user: { select: { platformRole: true } } } });
  if (!membership) throw notFound('No such member in this workspace.');
  // Staff acting as staff would let support borrow an owner's platform powers on the root domain's audit trail.
  if (membership.user.platformRole || userId === operator.userId) throw new AppError(403, 'impersonation_not_allowed', 'Platform staff cannot be acted as.');
  const status: ImpersonationStatus = tenant.impersonationApproval ? 'pending' : 'approved';
  const row = await db.$transaction(async (tx) => {
    const created = await tx.impersonation.create({
      data: { tenantId, userId, operatorId: operator.userId, operatorEmail: operator.email, reason, readOnly, durationMinutes: minutes, status, ...(status === 'approved' ? { decidedAt: new Date() } : {}) },
      select: VIEW_SELECT,
    });
    await auditBoth(tx, { tenantId, impersonationId: created.id, actor: { id: operator.userId, email: operator.email }, action: 'impersonation.requested', reason, ip, metadata: { memberId: userId, readOnly, minutes, approvalRequired: status === 'pending' } });
    return created;
  });
  const view = toView(row);
  if (status === 'pending') await emailImpersonationRequest(view);
  return view;
}

/** An owner approves or denies a pending request. */
export async function decideImpersonation(tenantId: string, owner: { userId: string; email: string }, id: string, input: unknown, ip: string | null = null): Promise<ImpersonationView> {
  const { decision } = parseInput(impersonationDecisionSchema, input);
  const now = new Date();
  const row = await db.$transaction(async (tx) => {
    const { count } = await tx.impersonation.updateMany({ where: { id, tenantId, status: 'pending' }, data: { status: decision === 'approve' ? 'approved' : 'denied', decidedAt: now, decidedById: owner.userId } });
    if (count !== 1) {
      const exists = await tx.impersonation.findFirst({ where: { id, tenantId }, select: { id: true } });
      if (!exists) throw notFound('No such request.');
      throw new AppError(409, 'impersonation_not_approved', 'This request was already decided.');
    }
    await auditBoth(tx, { tenantId, impersonationId: id, actor: { id: owner.userId, email: owner.email }, action: decision === 'approve' ? 'impersonation.approved' : 'impersonation.denied', ip });
    return tx.impersonation.findUniqueOrThrow({ where: { id }, select: VIEW_SELECT });
  });
  const view = toView(row, now);
  await emailImpersonationDecision(view, decision);
  return view;
}

/**
 * The operator who asked starts an approved impersonation: its time runs from now, and the
 * URL returned opens the session on the workspace's host (its token works once, for two minutes).
 */
export async function startImpersonation(operator: OperatorActor, id: string, ip: string | null = null, now = new Date()): Promise<{ impersonation: ImpersonationView; url: string }> {
  const token = randomBytes(32).toString('base64url');
  const row = await db.$transaction(async (tx) => {
    const current = await tx.impersonation.findUnique({ where: { id }, select: { ...VIEW_SELECT, operatorId: true, tenant: { select: { slug: true } } } });
    if (!current) throw notFound('No such impersonation.');
    if (current.operatorId !== operator.userId) throw new AppError(403, 'impersonation_not_allowed', 'Only the operator who asked can start it.');
    if (stateOf(current, now) !== 'approved') throw new AppError(409, 'impersonation_not_approved', current.status === 'pending' ? "An owner of the workspace has not approved this yet." : 'This request cannot be started (denied, expired, started or ended): ask again.');
    const expiresAt = new Date(now.getTime() + current.durationMinutes * 60_000);
    // The status in the condition: two clicks at once start it once.
    const { count } = await tx.impersonation.updateMany({ where: { id, status: 'approved' }, data: { status: 'active', startedAt: now, expiresAt, tokenHash: hashToken(token) } });
    if (count !== 1) throw new AppError(409, 'impersonation_not_approved', 'This impersonation has already started.');
    await auditBoth(tx, { tenantId: current.tenantId, impersonationId: id, actor: { id: operator.userId, email: operator.email }, action: 'impersonation.started', ip, metadata: { memberId: current.user.id, readOnly: current.readOnly, expiresAt: expiresAt.toISOString() } });
    return { ...current, status: 'active' as const, startedAt: now, expiresAt };
  });
  return { impersonation: toView(row, now), url: `${tenantOrigin(row.tenant.slug)}/auth/impersonate?token=${token}` };
}

/** Spends a hand-off token on the workspace's host (the next-auth "impersonate" provider). */
export async function consumeImpersonationToken(token: string, tenantId: string, now = new Date()): Promise<{ id: string; userId: string; expiresAt: Date } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const tokenHash = hashToken(token);
  const row = await db.impersonation.findUnique({ where: { tokenHash }, select: { id: true, userId: true, tenantId: true, startedAt: true, expiresAt: true } });
  if (!row || row.tenantId !== tenantId || !row.startedAt || !row.expiresAt || row.startedAt.getTime() + TOKEN_TTL_MS <= now.getTime() || row.expiresAt <= now) return null;
  const { count } = await db.impersonation.updateMany({ where: { id: row.id, tokenHash, status: 'active' }, data: { tokenHash: null } });
  return count === 1 ? { id: row.id, userId: row.userId, expiresAt: row.expiresAt } : null;
}

export type EndedBy = 'operator' | 'member' | 'owner';

/** Ends an active impersonation and its session everywhere (whoever ends it: the operator, from the banner or the console, or an owner). */
export async function endImpersonation(id: string, by: { kind: EndedBy; actor: { id: string; email: string }; tenantId?: string }, ip: string | null = null, now = new Date()): Promise<ImpersonationView> {
  const row = await db.$transaction(async (tx) => {
    const current = await tx.impersonation.findFirst({ where: { id, ...(by.tenantId ? { tenantId: by.tenantId } : {}) }, select: { ...VIEW_SELECT, session: { select: { id: true } } } });
    if (!current) throw notFound('No such impersonation.');
    const { count } = await tx.impersonation.updateMany({ where: { id, status: 'active' }, data: { status: 'ended', endedAt: now, endedBy: by.kind, tokenHash: null } });
    if (count === 1) {
      if (current.session) await endSessions(tx, { userId: current.user.id, sessionId: current.session.id }, 'impersonation_ended', now);
      await auditBoth(tx, { tenantId: current.tenantId, impersonationId: id, actor: by.actor, action: 'impersonation.ended', ip, metadata: { endedBy: by.kind } });
    }
    return tx.impersonation.findUniqueOrThrow({ where: { id }, select: VIEW_SELECT });
  });
  return toView(row, now);
}

/** Records one write made while acting as a member (read-write impersonations), or one refused (read-only), in both logs. */
export async function recordImpersonatedWrite(input: { impersonationId: string; tenantId: string; operator: { id: string; email: string }; method: string; path: string; refused: boolean; ip: string | null }): Promise<void> {
  await db.$transaction((tx) =>
    auditBoth(tx, { tenantId: input.tenantId, impersonationId: input.impersonationId, actor: input.operator, action: input.refused ? 'impersonation.write_refused' : 'impersonation.write', ip: input.ip, metadata: { method: input.method, path: input.path } }),
  );
}

/** A workspace's requests, newest first (the owners' Support access section and the operator's tenant page). */
export async function listImpersonations(tenantId: string, take = 20, now = new Date()): Promise<ImpersonationView[]> {
  const rows = await db.impersonation.findMany({ where: { tenantId }, orderBy: { createdAt: 'desc' }, take, select: VIEW_SELECT });
  return rows.map((row) => toView(row, now));
}

/** Who started an impersonation, as the actor of its end when they sign out of it. */
export async function operatorOf(id: string): Promise<{ id: string; email: string } | null> {
  const row = await db.impersonation.findUnique({ where: { id }, select: { operatorId: true, operatorEmail: true } });
  return row ? { id: row.operatorId, email: row.operatorEmail } : null;
}

/** The impersonation behind a session, when it still stands (memberForSession). */
export async function activeImpersonation(id: string, now = new Date()): Promise<{ id: string; operatorId: string; operatorEmail: string; readOnly: boolean; expiresAt: Date } | null> {
  const row = await db.impersonation.findUnique({ where: { id }, select: { id: true, operatorId: true, operatorEmail: true, readOnly: true, expiresAt: true, status: true } });
  if (!row || row.status !== 'active' || !row.expiresAt || row.expiresAt <= now) return null;
  return { id: row.id, operatorId: row.operatorId, operatorEmail: row.operatorEmail, readOnly: row.readOnly, expiresAt: row.expiresAt };
}
