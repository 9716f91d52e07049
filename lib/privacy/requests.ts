import { z } from 'zod';
import { db } from '../db/client.ts';
import type { DataSubjectRequestKind } from '../db/generated/enums.ts';
import { AppError, notFound, parseInput } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';

// The register of data subject requests (access, erasure, rectification, restriction,
// objection, portability): when each came in, when it is due (30 days: GDPR art. 12(3) allows
// one month), what was done. Overdue open requests are flagged on /operator/privacy.

export const DUE_DAYS = 30;
export const REQUEST_KINDS = ['access', 'erasure', 'rectification', 'restriction', 'objection', 'portability'] as const satisfies readonly DataSubjectRequestKind[];

export const newRequestSchema = z.object({
  kind: z.enum(REQUEST_KINDS),
  subjectEmail: z.string().trim().toLowerCase().email().max(254),
  tenantId: z.string().trim().max(64).optional().transform((value) => value || null),
  details: z.string().trim().max(2000).optional().transform((value) => value || null),
  /** When it arrived (defaults to now); the due date counts from it. */
  receivedAt: z.coerce.date().optional(),
});

export const completeRequestSchema = z.object({ outcome: z.string().trim().min(5, 'Say what was done (or why it was refused).').max(2000) });

export interface RequestView {
  id: string;
  kind: DataSubjectRequestKind;
  subjectEmail: string;
  tenantId: string | null;
  details: string | null;
  receivedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  outcome: string | null;
  overdue: boolean;
}

function view(row: Omit<RequestView, 'overdue'>, now: Date): RequestView {
  return { ...row, overdue: row.completedAt === null && row.dueAt <= now };
}

const SELECT = { id: true, kind: true, subjectEmail: true, tenantId: true, details: true, receivedAt: true, dueAt: true, completedAt: true, outcome: true } as const;

export async function recordRequest(operator: OperatorActor, input: unknown, ip: string | null = null, now = new Date()): Promise<RequestView> {
  const data = parseInput(newRequestSchema, input);
  const receivedAt = data.receivedAt ?? now;
  if (receivedAt > now) throw new AppError(422, 'validation_failed', 'A request cannot arrive in the future.', { receivedAt: 'Use today or an earlier date.' });
  if (data.tenantId && !(await db.tenant.findUnique({ where: { id: data.tenantId }, select: { id: true } }))) throw notFound('No such workspace.');
  const row = await db.$transaction(async (tx) => {
    const created = await tx.dataSubjectRequest.create({ data: { kind: data.kind, subjectEmail: data.subjectEmail, tenantId: data.tenantId, details: data.details, receivedAt, dueAt: new Date(receivedAt.getTime() + DUE_DAYS * 86_400_000), createdById: operator.userId }, select: SELECT });
    await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'privacy_request.recorded', target: { type: 'privacy_request', id: created.id }, ip, metadata: { kind: data.kind } });
    return created;
  });
  return view(row, now);
}

export async function completeRequest(operator: OperatorActor, id: string, input: unknown, ip: string | null = null, now = new Date()): Promise<RequestView> {
  const { outcome } = parseInput(completeRequestSchema, input);
  const row = await db.$transaction(async (tx) => {
    const { count } = await tx.dataSubjectRequest.updateMany({ where: { id, completedAt: null }, data: { completedAt: now, outcome } });
    if (count !== 1) {
      if (!(await tx.dataSubjectRequest.findUnique({ where: { id }, select: { id: true } }))) throw notFound('No such request.');
      throw new AppError(409, 'conflict', 'This request is already completed.');
    }
    await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'privacy_request.completed', target: { type: 'privacy_request', id }, reason: outcome, ip });
    return tx.dataSubjectRequest.findUniqueOrThrow({ where: { id }, select: SELECT });
  });
  return view(row, now);
}

/** Open requests first (the most urgent first), then the latest completed ones. */
export async function listRequests(now = new Date()): Promise<{ open: RequestView[]; completed: RequestView[]; overdue: number }> {
  const [open, completed] = await Promise.all([
    db.dataSubjectRequest.findMany({ where: { completedAt: null }, orderBy: { dueAt: 'asc' }, take: 200, select: SELECT }),
    db.dataSubjectRequest.findMany({ where: { completedAt: { not: null } }, orderBy: { completedAt: 'desc' }, take: 50, select: SELECT }),
  ]);
  const openViews = open.map((row) => view(row, now));
  return { open: openViews, completed: completed.map((row) => view(row, now)), overdue: openViews.filter((row) => row.overdue).length };
}
