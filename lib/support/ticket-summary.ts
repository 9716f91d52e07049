import { db, type Prisma } from '../db/client.ts';
import { logger } from '../observability/logger.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import { answersWorkspaces } from './ticket-access.ts';
import { REOPEN_WINDOW_DAYS } from './ticket-state.ts';
import { summarizeTargets, type TargetSummary } from './ticket-targets.ts';

// How a responding side is doing against its targets, over the tickets opened in the last 90
// days: median first response, share answered and resolved within target, and today's queue.
// Also the auto-close job: resolved tickets close REOPEN_WINDOW_DAYS after resolution.

export const SUMMARY_DAYS = 90;
const DAY_MS = 86_400_000;

export interface SupportSummary extends TargetSummary {
  days: number;
  opened: number;
  /** Waiting on the responder now. */
  open: number;
  /** Open and past the first-response target without an answer. */
  overdue: number;
}

async function summarize(where: Prisma.SupportTicketWhereInput, now: Date): Promise<SupportSummary> {
  const since = new Date(now.getTime() - SUMMARY_DAYS * DAY_MS);
  const [rows, open, overdue] = await Promise.all([
    db.supportTicket.findMany({ where: { ...where, createdAt: { gte: since } }, select: { createdAt: true, firstResponseTargetAt: true, resolutionTargetAt: true, firstRespondedAt: true, resolvedAt: true } }),
    db.supportTicket.count({ where: { ...where, status: 'open' } }),
    db.supportTicket.count({ where: { ...where, status: 'open', firstRespondedAt: null, firstResponseTargetAt: { lt: now } } }),
  ]);
  return { days: SUMMARY_DAYS, opened: rows.length, open, overdue, ...summarizeTargets(rows, now) };
}

/** The partner's answering of workspaces' tickets (null for billing contacts, who do not see them). */
export function partnerSupportSummary(actor: PartnerActor, now = new Date()): Promise<SupportSummary> | null {
  return answersWorkspaces(actor) ? summarize({ kind: 'workspace_partner', partnerId: actor.partnerId }, now) : null;
}

/** Waypoint's answering of partners' tickets. */
export function operatorSupportSummary(now = new Date()): Promise<SupportSummary> {
  return summarize({ kind: 'partner_operator' }, now);
}

/**
 * Closes resolved tickets whose reopen window has passed. One statement: a reopen holding the
 * row's lock makes the update re-check the row, so a reopened ticket is never closed.
 */
export async function closeResolvedTickets(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - REOPEN_WINDOW_DAYS * DAY_MS);
  const { count } = await db.supportTicket.updateMany({ where: { status: 'resolved', resolvedAt: { lte: before } }, data: { status: 'closed', closedAt: now } });
  if (count) logger().info({ count }, 'support: closed resolved tickets');
  return count;
}
