import type { Prisma } from '../db/client.ts';
import { attachmentFileName, type AttachmentMeta } from './attachments.ts';
import type { SupportViewer } from './ticket-access.ts';
import { sideOf } from './ticket-access.ts';
import { reopenDeadline, type TicketSide, type TicketStatus } from './ticket-state.ts';
import { measureTarget, type TargetView } from './ticket-targets.ts';

// What the support pages and routes show of a ticket, the same on every side; only the names
// of the other side and who the ticket waits on depend on the viewer.

export const ticketSelect = {
  id: true,
  number: true,
  kind: true,
  subject: true,
  priority: true,
  status: true,
  partnerId: true,
  tenantId: true,
  appId: true,
  openedById: true,
  firstResponseTargetAt: true,
  resolutionTargetAt: true,
  firstRespondedAt: true,
  resolvedAt: true,
  closedAt: true,
  reopenedAt: true,
  lastCommentAt: true,
  createdAt: true,
  partner: { select: { name: true } },
  tenant: { select: { name: true, slug: true } },
  app: { select: { id: true, slug: true, liveVersion: { select: { name: true } }, versions: { orderBy: { number: 'desc' }, take: 1, select: { name: true } } } },
} as const satisfies Prisma.SupportTicketSelect;

export type TicketRecord = Prisma.SupportTicketGetPayload<{ select: typeof ticketSelect }>;

export interface TicketView {
  id: string;
  number: number;
  kind: 'workspace_partner' | 'partner_operator';
  subject: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  status: TicketStatus;
  /** The viewer's side. */
  side: TicketSide;
  /** Whose move it is, from the viewer's point of view; null once resolved or closed. */
  waitingOn: 'you' | 'them' | null;
  app: { id: string; name: string } | null;
  /** The workspace that asked (workspace tickets). */
  workspace: { name: string } | null;
  partner: { name: string };
  createdAt: string;
  lastCommentAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenedAt: string | null;
  /** Until when the requester can reopen a resolved ticket. */
  reopenUntil: string | null;
  firstResponse: TargetView;
  resolution: TargetView;
}

export function appName(app: TicketRecord['app']): string | null {
  if (!app) return null;
  return app.liveVersion?.name ?? app.versions[0]?.name ?? app.slug;
}

export function toTicketView(viewer: SupportViewer, row: TicketRecord, now: Date): TicketView {
  const side = sideOf(viewer, row);
  const waiting = row.status === 'open' ? 'responder' : row.status === 'pending' ? 'requester' : null;
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    subject: row.subject,
    priority: row.priority,
    status: row.status,
    side,
    waitingOn: waiting === null ? null : waiting === side ? 'you' : 'them',
    app: row.app ? { id: row.app.id, name: appName(row.app)! } : null,
    workspace: row.tenant && row.kind === 'workspace_partner' ? { name: row.tenant.name } : null,
    partner: { name: row.partner.name },
    createdAt: row.createdAt.toISOString(),
    lastCommentAt: row.lastCommentAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    reopenedAt: row.reopenedAt?.toISOString() ?? null,
    reopenUntil: row.status === 'resolved' && row.resolvedAt ? reopenDeadline(row.resolvedAt).toISOString() : null,
    firstResponse: measureTarget('First response', row.createdAt, row.firstResponseTargetAt, row.firstRespondedAt, now),
    resolution: measureTarget('Resolution', row.createdAt, row.resolutionTargetAt, row.resolvedAt, now),
  };
}

export interface CommentView {
  id: string;
  side: TicketSide;
  /** The author's name, and the organisation they wrote for ("Acme", "Northstar Labs", "Waypoint support"). */
  author: string;
  organisation: string;
  /** The author's account is gone (`author` is then "Former user"). */
  formerUser: boolean;
  /** `organisation` is a stand-in, not a name: Waypoint's support team, or a workspace since deleted. */
  organisationFallback: 'waypointSupport' | 'workspace' | null;
  mine: boolean;
  body: string;
  createdAt: string;
  attachments: AttachmentMeta[];
}

type CommentRow = { id: string; side: string; authorId: string | null; body: string; createdAt: Date; attachmentAssetIds: string[]; author: { name: string | null; email: string } | null };

/** When the organisation of a side has no name of its own: Waypoint's support, or a workspace since deleted. */
function organisationFallbackOf(row: TicketRecord, side: TicketSide): CommentView['organisationFallback'] {
  if (row.kind === 'workspace_partner') return side === 'requester' && !row.tenant ? 'workspace' : null;
  return side === 'requester' ? null : 'waypointSupport';
}

/** Which organisation a side of the ticket speaks for. */
export function organisationOf(row: TicketRecord, side: TicketSide): string {
  if (row.kind === 'workspace_partner') return side === 'requester' ? (row.tenant?.name ?? 'Workspace') : row.partner.name;
  return side === 'requester' ? row.partner.name : 'Waypoint support';
}

export function toCommentView(row: TicketRecord, comment: CommentRow, viewerUserId: string, meta: Map<string, { contentType: string; size: number }>, counter: { n: number }): CommentView {
  const side: TicketSide = comment.side === 'responder' ? 'responder' : 'requester';
  return {
    id: comment.id,
    side,
    author: comment.author ? (comment.author.name ?? comment.author.email) : 'Former user',
    organisation: organisationOf(row, side),
    formerUser: !comment.author,
    organisationFallback: organisationFallbackOf(row, side),
    mine: comment.authorId === viewerUserId,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
    attachments: comment.attachmentAssetIds.flatMap((id) => {
      const m = meta.get(id);
      return m ? [{ id, contentType: m.contentType, size: m.size, fileName: attachmentFileName(row.number, counter.n++, m.contentType) }] : [];
    }),
  };
}
