import { platformOrigin, tenantOrigin } from '../config/env.ts';
import { db } from '../db/client.ts';
import { emailLocaleFor } from '../email/email-language.ts';
import { sendEmail } from '../email/send-email.ts';
import { supportTicketEmail, type SupportEmailEvent } from '../email/templates/support-ticket-email.ts';
import { afterResponse } from '../http/after-response.ts';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages.ts';
import { translatorFor, type Translator } from '../i18n/translator.ts';
import { loadTenantById } from '../tenancy/load-tenant.ts';
import type { TicketSide } from './ticket-state.ts';

// Who hears about a ticket: a new one goes to the answering side (the partner's owners and
// developers, or Waypoint's operators); each comment to the other side; a resolution by the
// responder, and a reopening by the requester, to the side that did not act. The requesting
// side is the people who opened or wrote on the ticket and still belong (else the owners).
// Mail goes out after the response, once the change has committed. Each recipient reads it in
// their language: a workspace's admins their own (else the workspace's); partners and operators,
// who choose none, English.

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

interface Recipient {
  email: string;
  language: Language;
}

async function emailsOf(userIds: string[]): Promise<Recipient[]> {
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { email: true } });
  return users.map((u) => ({ email: u.email, language: DEFAULT_LANGUAGE }));
}

async function responders(ticket: MailTicket): Promise<Recipient[]> {
  if (ticket.kind === 'partner_operator') return (await db.user.findMany({ where: { platformRole: { in: ['owner', 'support'] } }, select: { email: true } })).map((u) => ({ email: u.email, language: DEFAULT_LANGUAGE }));
  const rows = await db.partnerUser.findMany({ where: { partnerId: ticket.partnerId, role: { in: ['owner', 'developer'] } }, select: { userId: true } });
  return emailsOf(rows.map((r) => r.userId));
}

async function requesters(ticket: MailTicket): Promise<Recipient[]> {
  const authors = await db.supportTicketComment.findMany({ where: { ticketId: ticket.id, side: 'requester', authorId: { not: null } }, distinct: ['authorId'], select: { authorId: true } });
  const ids = [...new Set([ticket.openedById, ...authors.map((a) => a.authorId)].filter((id): id is string => Boolean(id)))];
  if (ticket.kind === 'workspace_partner' && ticket.tenantId) {
    const select = { locale: true, user: { select: { email: true } } } as const;
    const still = await db.membership.findMany({ where: { tenantId: ticket.tenantId, userId: { in: ids }, role: { in: ['owner', 'admin'] } }, select });
    const fallback = still.length ? still : await db.membership.findMany({ where: { tenantId: ticket.tenantId, role: 'owner' }, select });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: ticket.tenantId }, select: { locale: true } });
    return fallback.map((m) => ({ email: m.user.email, language: emailLocaleFor(tenant, m).language }));
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

/** How the recipient's side knows the one who acted, in the recipient's language. */
type ActorLabel = (t: Translator) => string;

async function actorLabel(ticket: MailTicket, actorSide: TicketSide, actorUserId: string | null): Promise<ActorLabel> {
  if (ticket.kind === 'partner_operator' && actorSide === 'responder') return (t) => t('email.supportTicket.actorWaypointSupport');
  if (ticket.kind === 'workspace_partner' && actorSide === 'requester' && ticket.tenantId) {
    const [tenant, user] = await Promise.all([db.tenant.findUnique({ where: { id: ticket.tenantId }, select: { name: true } }), actorUserId ? db.user.findUnique({ where: { id: actorUserId }, select: { name: true, email: true } }) : null]);
    if (user) return (t) => t('email.supportTicket.actorMember', { name: user.name ?? user.email, workspace: tenant?.name ?? t('email.supportTicket.theWorkspaceMidSentence') });
    return (t) => tenant?.name ?? t('email.supportTicket.theWorkspace');
  }
  const partner = await db.partner.findUnique({ where: { id: ticket.partnerId }, select: { name: true } });
  return (t) => partner?.name ?? t('email.supportTicket.thePartner');
}

async function notify(ticketId: string, to: TicketSide, event: SupportEmailEvent, actor: { side: TicketSide; userId: string | null }, body: string | null, resolved = false): Promise<void> {
  const ticket = await db.supportTicket.findUnique({ where: { id: ticketId }, select });
  if (!ticket) return;
  const [recipients, link, label] = await Promise.all([to === 'responder' ? responders(ticket) : requesters(ticket), ticketUrl(ticket, to), actorLabel(ticket, actor.side, actor.userId)]);
  const self = actor.userId ? (await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } }))?.email : undefined;
  const tenant = ticket.kind === 'workspace_partner' && to === 'requester' && ticket.tenantId ? await loadTenantById(ticket.tenantId) : null;
  // One message per language the recipients read.
  const contents = new Map<Language, Awaited<ReturnType<typeof supportTicketEmail>>>();
  const sent = new Set<string>();
  for (const { email: address, language } of recipients) {
    if (address === self || sent.has(address)) continue;
    sent.add(address);
    let content = contents.get(language);
    if (!content) {
      const actor = label(await translatorFor(language, tenant?.branding ?? null));
      content = await supportTicketEmail({ tenant, event, ticket, actor, body, resolved, url: link.url, language });
      contents.set(language, content);
    }
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
