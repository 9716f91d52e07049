import { randomBytes } from 'node:crypto';
import type { Member } from '../auth/session.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { db, type Prisma } from '../db/client.ts';
import { AppError, notFound } from '../http/problem.ts';
import type { Tx } from '../marketplace/app-lifecycle.ts';
import { assertCan } from '../members/permissions.ts';
import type { PartnerActor } from '../partners/partner-actor.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { attachmentFileName, attachmentMeta, checkAttachments, storeAttachments } from './attachments.ts';
import { sideOf, ticketNotFound, ticketScope, viewerUserId, type SupportViewer } from './ticket-access.ts';
import { emailTicketComment, emailTicketOpened, emailTicketStatus } from './ticket-emails.ts';
import type { CommentInput, OpenTicketInput, TicketListFilters } from './ticket-schema.ts';
import { transition, TransitionError, type TicketAction, type TicketChange, type TicketStatus } from './ticket-state.ts';
import { targetsFor } from './ticket-targets.ts';
import { ticketSelect, toCommentView, toTicketView, type CommentView, type TicketView } from './ticket-views.ts';

// The support desk's service: open a ticket (a workspace to an installed app's partner, or a
// partner to Waypoint), list and read tickets, comment, change status. Every change locks the
// ticket row, asks the state machine (ticket-state.ts) and writes its answer in the same
// transaction, so two comments at once leave a status that follows from both, in order.

export const newTicketId = () => `tkt_${randomBytes(12).toString('base64url')}`;

const PAGE_SIZE = 50;

function asConflict(error: unknown): never {
  if (error instanceof TransitionError) throw new AppError(409, error.code, error.message);
  throw error;
}

/** The tier's targets for the partner on the ticket (workspace tickets: the app's; operator tickets: the asking partner's). */
async function tierOf(tx: Tx, partnerId: string) {
  const partner = await tx.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { tier: { select: { firstResponseMinutes: true, resolutionMinutes: true } } } });
  return partner.tier;
}

interface NewTicket {
  kind: 'workspace_partner' | 'partner_operator';
  partnerId: string;
  tenantId: string | null;
  appId: string | null;
  /** Where attachments are stored: the requester's tenant. */
  attachmentTenantId: string | null;
  /** A workspace's admin action goes in its audit log. */
  audit?: { tenantId: string; actor: { id: string; email: string } };
}

async function createTicket(ticket: NewTicket, openedById: string, input: OpenTicketInput, files: Buffer[], now: Date): Promise<string> {
  const checked = checkAttachments(files);
  const id = newTicketId();
  await db.$transaction(async (tx) => {
    const targets = targetsFor(now, await tierOf(tx, ticket.partnerId));
    const attachmentAssetIds = await storeAttachments(tx, ticket.attachmentTenantId, checked);
    await tx.supportTicket.create({
      data: { id, kind: ticket.kind, partnerId: ticket.partnerId, tenantId: ticket.tenantId, appId: ticket.appId, subject: input.subject, priority: input.priority, openedById, ...targets, lastCommentAt: now, createdAt: now },
    });
    await tx.supportTicketComment.create({ data: { ticketId: id, authorId: openedById, side: 'requester', body: input.description, attachmentAssetIds, createdAt: now } });
    if (ticket.audit) await recordAudit(tx, { ...ticket.audit, action: 'support_ticket.opened', target: { type: 'support_ticket', id }, metadata: { appId: ticket.appId, subject: input.subject, priority: input.priority } });
  });
  emailTicketOpened(id, openedById, input.description);
  return id;
}

/** A workspace admin opens a ticket to the partner of an app installed in the workspace now. */
export async function openWorkspaceTicket(tenant: TenantContext, member: Member, installationId: string, input: OpenTicketInput, files: Buffer[] = [], now = new Date()): Promise<TicketView> {
  assertCan(member.role, 'integrations.manage', 'Only admins and owners of the workspace open support tickets.');
  const installation = await db.appInstallation.findFirst({ where: { id: installationId, tenantId: tenant.id }, select: { appId: true, uninstalledAt: true, app: { select: { partnerId: true } } } });
  if (!installation) throw notFound('No such installed app.');
  if (installation.uninstalledAt) throw new AppError(409, 'installation_ended', 'This app is no longer installed: you can read its past tickets, but not open new ones.');
  const id = await createTicket({ kind: 'workspace_partner', partnerId: installation.app.partnerId, tenantId: tenant.id, appId: installation.appId, attachmentTenantId: tenant.id, audit: { tenantId: tenant.id, actor: { id: member.userId, email: member.email } } }, member.userId, input, files, now);
  return getTicket({ kind: 'workspace', tenant, member }, id, now).then((t) => t.ticket);
}

/** A partner's user asks Waypoint (the operators) for help. */
export async function openOperatorTicket(actor: PartnerActor, input: OpenTicketInput, files: Buffer[] = [], now = new Date()): Promise<TicketView> {
  const sandbox = await db.tenant.findUnique({ where: { sandboxOfPartnerId: actor.partnerId }, select: { id: true } });
  const id = await createTicket({ kind: 'partner_operator', partnerId: actor.partnerId, tenantId: null, appId: null, attachmentTenantId: sandbox?.id ?? null }, actor.userId, input, files, now);
  return getTicket({ kind: 'partner', actor }, id, now).then((t) => t.ticket);
}

function listWhere(viewer: SupportViewer, filters: TicketListFilters): Prisma.SupportTicketWhereInput {
  const and: Prisma.SupportTicketWhereInput[] = [ticketScope(viewer)];
  if (filters.status) and.push({ status: filters.status });
  if (filters.priority) and.push({ priority: filters.priority });
  if (filters.appId) and.push({ appId: filters.appId });
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.installationId && viewer.kind === 'workspace') and.push({ app: { installations: { some: { id: filters.installationId, tenantId: viewer.tenant.id } } } });
  return { AND: and };
}

export interface TicketPage {
  tickets: TicketView[];
  nextCursor: string | null;
}

/** The viewer's tickets, most recently active first, 50 a page. */
export async function listTickets(viewer: SupportViewer, filters: TicketListFilters = {}, now = new Date()): Promise<TicketPage> {
  const rows = await db.supportTicket.findMany({
    where: listWhere(viewer, filters),
    orderBy: [{ lastCommentAt: 'desc' }, { id: 'desc' }],
    take: PAGE_SIZE + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
    select: ticketSelect,
  }).catch((error: unknown) => {
    // A cursor naming no ticket (or one outside the scope) is a stale link: start over.
    if (filters.cursor && (error as { code?: string }).code === 'P2025') return [];
    throw error;
  });
  const page = rows.slice(0, PAGE_SIZE);
  return { tickets: page.map((row) => toTicketView(viewer, row, now)), nextCursor: rows.length > PAGE_SIZE ? page[page.length - 1].id : null };
}

export interface TicketThread {
  ticket: TicketView;
  comments: CommentView[];
}

async function findVisible(viewer: SupportViewer, ticketId: string) {
  const row = await db.supportTicket.findFirst({ where: { AND: [{ id: ticketId }, ticketScope(viewer)] }, select: ticketSelect });
  if (!row) throw ticketNotFound();
  return row;
}

/** A ticket and its comments, oldest first. */
export async function getTicket(viewer: SupportViewer, ticketId: string, now = new Date()): Promise<TicketThread> {
  const row = await findVisible(viewer, ticketId);
  const comments = await db.supportTicketComment.findMany({
    where: { ticketId: row.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, side: true, authorId: true, body: true, createdAt: true, attachmentAssetIds: true, author: { select: { name: true, email: true } } },
  });
  const meta = await attachmentMeta(comments.flatMap((c) => c.attachmentAssetIds));
  const counter = { n: 0 };
  return { ticket: toTicketView(viewer, row, now), comments: comments.map((c) => toCommentView(row, c, viewerUserId(viewer), meta, counter)) };
}

interface LockedTicket {
  id: string;
  kind: 'workspace_partner' | 'partner_operator';
  status: TicketStatus;
  tenantId: string | null;
  partnerId: string;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenedAt: Date | null;
}

/** The visible ticket's row, locked until the transaction ends (changes to one ticket queue up). */
async function lockTicket(tx: Tx, viewer: SupportViewer, ticketId: string): Promise<LockedTicket> {
  const visible = await tx.supportTicket.findFirst({ where: { AND: [{ id: ticketId }, ticketScope(viewer)] }, select: { id: true } });
  if (!visible) throw ticketNotFound();
  const rows = await tx.$queryRaw<LockedTicket[]>`
    SELECT id, kind::text AS kind, status::text AS status, "tenantId", "partnerId", "firstRespondedAt", "resolvedAt", "closedAt", "reopenedAt"
    FROM "SupportTicket" WHERE id = ${visible.id} FOR UPDATE`;
  return rows[0];
}

async function applyChange(tx: Tx, ticket: LockedTicket, action: TicketAction, now: Date): Promise<TicketChange> {
  let change: TicketChange;
  try {
    change = transition(ticket, action, now);
  } catch (error) {
    asConflict(error);
  }
  if (Object.keys(change).length) await tx.supportTicket.update({ where: { id: ticket.id }, data: change });
  return change;
}

/** Where the requester's files go: the workspace, or the partner's sandbox. */
async function requesterTenantId(tx: Tx, ticket: LockedTicket): Promise<string | null> {
  if (ticket.kind === 'workspace_partner') return ticket.tenantId;
  return (await tx.tenant.findUnique({ where: { sandboxOfPartnerId: ticket.partnerId }, select: { id: true } }))?.id ?? null;
}

/** A comment from the viewer's side; a responder says what the ticket waits on next (`then`). */
export async function addComment(viewer: SupportViewer, ticketId: string, input: CommentInput, files: Buffer[] = [], at?: Date): Promise<TicketThread> {
  const checked = checkAttachments(files);
  const authorId = viewerUserId(viewer);
  let now = at ?? new Date();
  const done = await db.$transaction(async (tx) => {
    const ticket = await lockTicket(tx, viewer, ticketId);
    // Read the clock once the lock is held, so comments are timed in the order they applied.
    now = at ?? new Date();
    const side = sideOf(viewer, ticket);
    const change = await applyChange(tx, ticket, { type: 'comment', side, then: input.then }, now);
    const attachmentAssetIds = await storeAttachments(tx, await requesterTenantId(tx, ticket), checked);
    await tx.supportTicketComment.create({ data: { ticketId: ticket.id, authorId, side, body: input.body, attachmentAssetIds, createdAt: now } });
    return { id: ticket.id, side, change };
  });
  emailTicketComment(done.id, done.side, authorId, input.body, done.change.status === 'resolved');
  if (done.change.reopenedAt) emailTicketStatus(done.id, done.side, authorId, 'reopened');
  return getTicket(viewer, done.id, now);
}

/** Resolve (either side), reopen (the requester, within 14 days), pending/open (the responder). */
export async function changeStatus(viewer: SupportViewer, ticketId: string, to: TicketStatus, at?: Date): Promise<TicketThread> {
  const userId = viewerUserId(viewer);
  let now = at ?? new Date();
  const done = await db.$transaction(async (tx) => {
    const ticket = await lockTicket(tx, viewer, ticketId);
    now = at ?? new Date();
    const side = sideOf(viewer, ticket);
    const change = await applyChange(tx, ticket, { type: 'status', side, to }, now);
    if (viewer.kind === 'workspace') {
      const action = change.status === 'resolved' ? 'support_ticket.resolved' : 'support_ticket.reopened';
      await recordAudit(tx, { tenantId: viewer.tenant.id, actor: { id: viewer.member.userId, email: viewer.member.email }, action, target: { type: 'support_ticket', id: ticket.id } });
    }
    return { id: ticket.id, side, change };
  });
  if (done.change.status === 'resolved') emailTicketStatus(done.id, done.side, userId, 'resolved');
  if (done.change.reopenedAt) emailTicketStatus(done.id, done.side, userId, 'reopened');
  return getTicket(viewer, done.id, now);
}

/** One attachment of a ticket the viewer can see (404 for anything else). */
export async function ticketAttachment(viewer: SupportViewer, ticketId: string, assetId: string) {
  const row = await findVisible(viewer, ticketId);
  const comments = await db.supportTicketComment.findMany({ where: { ticketId: row.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { attachmentAssetIds: true } });
  const ids = comments.flatMap((c) => c.attachmentAssetIds);
  if (!ids.includes(assetId)) throw notFound('No such attachment.');
  const asset = await db.asset.findFirst({ where: { id: assetId, kind: 'ticket_attachment' }, select: { data: true, contentType: true, size: true } });
  if (!asset) throw notFound('No such attachment.');
  // The same numbering as the thread shows (only attachments that still exist count).
  const meta = await attachmentMeta(ids);
  const index = ids.filter((id) => meta.has(id)).indexOf(assetId);
  return { ...asset, fileName: attachmentFileName(row.number, index, asset.contentType) };
}
