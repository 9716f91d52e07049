import { platformOrigin, tenantOrigin } from '../config/env.ts';
import { db } from '../db/client.ts';
import { sendEmail } from '../email/send-email.ts';
import { supportTicketEmail, type SupportEmailEvent } from '../email/templates/support-ticket-email.ts';
import { afterResponse } from '../http/after-response.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import type { TicketSide } from './ticket-state.ts';

// Who hears about a ticket: a new one goes to the answering side (the partner's owners and
// developers, or Waypoint's operators); each comment to the other side; a resolution by the
// responder, and a reopening by the requester, to the side that did not act. The requesting
// side is the people who opened or wrote on the ticket and still belong (else the owners).
// Mail goes out after the response, once the change has committed.

interface MailTicket {
  id: string;
  number: number;
  kind: 'workspace_partner' | 'partner_operator';
  subject: string;
  priority: string;
  partnerId: string;
  tenantId: string | null;
  openedById: string | null;
}

const select = { id: true, number: true, kind: true, subject: true, priority: true, partnerId: true, tenantId: true, openedById: true } as const;

async function emailsOf(userIds: string[]): Promise<string[]> {
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { email: true } });
  return users.map((u) => u.email);
}

async function responders(ticket: MailTicket): Promise<string[]> {
  if (ticket.kind === 'partner_operator') return (await db.user.findMany({ where: { platformRole: { in: ['owner', 'support'] } }, select: { email: true } })).map((u) => u.email);
  const rows = await db.partnerUser.findMany({ where: { partnerId: ticket.partnerId, role: { in: ['owner', 'developer'] } }, select: { userId: true } });
  return emailsOf(rows.map((r) => r.userId));
}

async function requesters(ticket: MailTicket): Promise<string[]> {
  const authors = await db.supportTicketComment.findMany({ where: { ticketId: ticket.id, side: 'requester', authorId: { not: null } }, distinct: ['authorId'], select: { authorId: true } });
  const ids = [...new Set([ticket.openedById, ...authors.map((a) => a.authorId)].filter((id): id is string => Boolean(id)))];
  if (ticket.kind === 'workspace_partner' && ticket.tenantId) {
    const still = await db.membership.findMany({ where: { tenantId: ticket.tenantId, userId: { in: ids }, role: { in: ['owner', 'admin'] } }, select: { userId: true } });
    const fallback = still.length ? still : await db.membership.findMany({ where: { tenantId: ticket.tenantId, role: 'owner' }, select: { userId: true } });
    return emailsOf(fallback.map((m) => m.userId));
  }
  const still = await db.partnerUser.findMany({ where: { partnerId: ticket.partnerId, userId: { in: ids } }, select: { userId: true } });
  const fallback = still.length ? still : await db.partnerUser.findMany({ where: { partnerId: ticket.partnerId, role: 'owner' }, select: { userId: true } });
  return emailsOf(fallback.map((m) => m.userId));
}

/** The ticket's page for one side. */
async function ticketUrl(ticket: MailTicket, side: TicketSide): Promise<{ url: string; tenantSlug: string | null }> {
  if (ticket.kind === 'workspace_partner' && side === 'requester' && ticket.tenantId) {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: ticket.tenantId }, select: { slug: true } });
    return { url: `${tenantOrigin(tenant.slug)}/settings/support/${ticket.id}`, tenantSlug: tenant.slug };
  }
  const area = ticket.kind === 'partner_operator' && side === 'responder' ? 'operator' : 'partner';
  return { url: `${platformOrigin()}/${area}/support/${ticket.id}`, tenantSlug: null };
}

/** How the recipient's side knows the one who acted. */
async function actorLabel(ticket: MailTicket, actorSide: TicketSide, actorUserId: string | null): Promise<string> {
  if (ticket.kind === 'partner_operator' && actorSide === 'responder') return 'Waypoint support';
  if (ticket.kind === 'workspace_partner' && actorSide === 'requester' && ticket.tenantId) {
    const [tenant, user] = await Promise.all([db.tenant.findUnique({ where: { id: ticket.tenantId }, select: { name: true } }), actorUserId ? db.user.findUnique({ where: { id: actorUserId }, select: { name: true, email: true } }) : null]);
    return user ? `${user.name ?? user.email} at ${tenant?.name ?? 'the workspace'}` : (tenant?.name ?? 'The workspace');
  }
  return (await db.partner.findUnique({ where: { id: ticket.partnerId }, select: { name: true } }))?.name ?? 'The partner';
}

async function notify(ticketId: string, to: TicketSide, event: SupportEmailEvent, actor: { side: TicketSide; userId: string | null }, body: string | null, resolved = false): Promise<void> {
  const ticket = await db.supportTicket.findUnique({ where: { id: ticketId }, select });
  if (!ticket) return;
  const [recipients, link, label] = await Promise.all([to === 'responder' ? responders(ticket) : requesters(ticket), ticketUrl(ticket, to), actorLabel(ticket, actor.side, actor.userId)]);
  const self = actor.userId ? (await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } }))?.email : undefined;
  const tenant = ticket.kind === 'workspace_partner' && to === 'requester' && ticket.tenantId ? await loadTenantById(ticket.tenantId) : null;
  const content = supportTicketEmail({ tenant, event, ticket, actor: label, body, resolved, url: link.url });
  for (const address of new Set(recipients)) {
    if (address === self) continue;
    await sendEmail({ tenant, to: address, kind: `support_ticket_${event}`, ...content });
  }
}

const other = (side: TicketSide): TicketSide => (side === 'requester' ? 'responder' : 'requester');

export function emailTicketOpened(ticketId: string, openedById: string, body: string): void {
  afterResponse(() => notify(ticketId, 'responder', 'opened', { side: 'requester', userId: openedById }, body));
}

export function emailTicketComment(ticketId: string, side: TicketSide, authorId: string, body: string, resolved: boolean): void {
  afterResponse(() => notify(ticketId, other(side), 'comment', { side, userId: authorId }, body, resolved));
}

export function emailTicketStatus(ticketId: string, side: TicketSide, actorId: string, event: 'resolved' | 'reopened'): void {
  afterResponse(() => notify(ticketId, other(side), event, { side, userId: actorId }, null));
}
