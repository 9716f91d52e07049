import { beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import type { OperatorActor } from '../../lib/resellers/reseller-actor.ts';
import { backgroundTasksSettled } from '../../lib/http/after-response.ts';
import { AppError } from '../../lib/http/problem.ts';
import type { PartnerActor } from '../../lib/partners/partner-actor.ts';
import { ATTACHMENT_MAX_BYTES } from '../../lib/support/attachments.ts';
import { operatorViewer, partnerViewer, workspaceViewer, type SupportViewer } from '../../lib/support/ticket-access.ts';
import { closeResolvedTickets, operatorSupportSummary, partnerSupportSummary } from '../../lib/support/ticket-summary.ts';
import { addComment, changeStatus, getTicket, listTickets, openOperatorTicket, openWorkspaceTicket, ticketAttachment } from '../../lib/support/tickets.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { contextOf, createMember, createTenant, memberOf, uniqueSlug } from '../support/factories.ts';
import { addPartnerUser, createApp, createPartner, install, uninstall, type TestApp, type TestPartner } from '../support/marketplace-fixtures.ts';
import { png } from '../support/png.ts';

// The support desk on PostgreSQL: who sees which ticket (other workspaces and partners get
// 404, a member 403), the state machine as stored, targets from the partner's tier, the
// emails each change sends, attachments, and two comments at once.

const T0 = new Date('2026-12-01T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DAY = 24 * 60;

let partner: TestPartner;
let otherPartner: TestPartner;
let app: TestApp;
let otherApp: TestApp;
let acme: TenantContext;
let globex: TenantContext;
let admin: Member;
let member: Member;
let globexAdmin: Member;
let developer: PartnerActor;
let billing: PartnerActor;
let installationId: string;
let operator: OperatorActor;

let asAdmin: SupportViewer;
let asPartner: SupportViewer;

async function code(promise: Promise<unknown>): Promise<[number, string]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return [error.status, error.code];
    throw error;
  }
  throw new Error('expected an AppError');
}

const mailTo = async (to: string, kind: string) => {
  await backgroundTasksSettled();
  return db.emailMessage.findMany({ where: { to: to.toLowerCase(), kind }, orderBy: { createdAt: 'asc' } });
};

beforeAll(async () => {
  partner = await createPartner();
  otherPartner = await createPartner();
  await db.partner.update({ where: { id: partner.id }, data: { tierId: 'premier' } });
  app = await createApp(partner, { name: 'Support Pulse' });
  otherApp = await createApp(otherPartner, { name: 'Other Pulse' });
  acme = await contextOf((await createTenant()).id);
  globex = await contextOf((await createTenant()).id);
  admin = await memberOf(acme.id, (await createMember(acme.id, 'admin')).id);
  member = await memberOf(acme.id, (await createMember(acme.id, 'member')).id);
  globexAdmin = await memberOf(globex.id, (await createMember(globex.id, 'admin')).id);
  installationId = await install(app, acme.id, admin.userId);
  await install(app, globex.id, globexAdmin.userId);
  developer = await addPartnerUser(partner.id, 'developer');
  billing = await addPartnerUser(partner.id, 'billing');
  const op = await db.user.create({ data: { email: `${uniqueSlug('op')}@example.test`, platformRole: 'owner' } });
  operator = { userId: op.id, email: op.email, role: 'owner' };
  asAdmin = workspaceViewer(acme, admin);
  asPartner = partnerViewer(partner.actor);
});

describe('opening a ticket from an installed app', () => {
  it("sets the targets from the partner's tier and emails the partner's owners and developers, not billing", async () => {
    const ticket = await openWorkspaceTicket(acme, admin, installationId, { subject: 'Sync fails', description: 'Since Monday nothing syncs.', priority: 'high' }, [], T0);
    const row = await db.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row).toMatchObject({ kind: 'workspace_partner', partnerId: partner.id, tenantId: acme.id, appId: app.id, status: 'open', priority: 'high', openedById: admin.userId });
    // premier: 4 h first response, 2 days resolution.
    expect(row.firstResponseTargetAt).toEqual(at(240));
    expect(row.resolutionTargetAt).toEqual(at(2 * DAY));
    expect(ticket).toMatchObject({ side: 'requester', waitingOn: 'them', app: { name: 'Support Pulse' }, firstResponse: { state: 'due' } });
    expect(await mailTo(partner.actor.email, 'support_ticket_opened')).toHaveLength(1);
    const [mail] = await mailTo(developer.email, 'support_ticket_opened');
    expect(mail.subject).toContain(`#${ticket.number} Sync fails`);
    expect(mail.text).toContain('Since Monday nothing syncs.');
    expect(mail.text).toContain(`/partner/support/${ticket.id}`);
    expect(await mailTo(billing.email, 'support_ticket_opened')).toHaveLength(0);
  });

  it('a member gets 403; another workspace’s installation is 404; an ended installation is 409 installation_ended', async () => {
    const input = { subject: 'Hello there', description: 'Hi', priority: 'normal' as const };
    expect(await code(openWorkspaceTicket(acme, member, installationId, input))).toEqual([403, 'forbidden']);
    expect(await code(openWorkspaceTicket(globex, globexAdmin, installationId, input))).toEqual([404, 'not_found']);
    const ended = await install(otherApp, acme.id, admin.userId);
    const old = await openWorkspaceTicket(acme, admin, ended, input);
    await uninstall(ended);
    expect(await code(openWorkspaceTicket(acme, admin, ended, input))).toEqual([409, 'installation_ended']);
    // Reading and answering the old ticket still works.
    expect((await getTicket(asAdmin, old.id)).comments).toHaveLength(1);
    expect((await addComment(asAdmin, old.id, { body: 'Still there?' })).comments).toHaveLength(2);
  });
});

describe('who sees what', () => {
  let ticketId: string;
  let otherTicketId: string;
  beforeAll(async () => {
    ticketId = (await openWorkspaceTicket(acme, admin, installationId, { subject: 'Scoped', description: 'Only us', priority: 'low' })).id;
    otherTicketId = (await openWorkspaceTicket(globex, globexAdmin, (await db.appInstallation.findFirstOrThrow({ where: { tenantId: globex.id } })).id, { subject: 'Globex asks', description: 'Theirs', priority: 'low' })).id;
  });

  it('a workspace lists only its own tickets; the partner of the app lists both workspaces’; another partner none', async () => {
    const mine = (await listTickets(asAdmin)).tickets.map((t) => t.id);
    expect(mine).toContain(ticketId);
    expect(mine).not.toContain(otherTicketId);
    const partners = (await listTickets(asPartner)).tickets.map((t) => t.id);
    expect(partners).toEqual(expect.arrayContaining([ticketId, otherTicketId]));
    expect((await listTickets(partnerViewer(otherPartner.actor))).tickets.map((t) => t.id)).not.toContain(ticketId);
  });

  it('404 for another workspace, another partner, a billing contact and the operator; 403 for a member', async () => {
    for (const viewer of [workspaceViewer(globex, globexAdmin), partnerViewer(otherPartner.actor), partnerViewer(billing), operatorViewer(operator)]) {
      expect(await code(getTicket(viewer, ticketId))).toEqual([404, 'not_found']);
      expect(await code(addComment(viewer, ticketId, { body: 'Sneaky' }))).toEqual([404, 'not_found']);
      expect(await code(changeStatus(viewer, ticketId, 'resolved'))).toEqual([404, 'not_found']);
    }
    expect(await code(getTicket(workspaceViewer(acme, member), ticketId))).toEqual([403, 'forbidden']);
    expect(await code(listTickets(workspaceViewer(acme, member)))).toEqual([403, 'forbidden']);
  });

  it('filters by status, priority and app', async () => {
    expect((await listTickets(asPartner, { priority: 'low', appId: app.id })).tickets.every((t) => t.priority === 'low' && t.app?.id === app.id)).toBe(true);
    expect((await listTickets(asPartner, { status: 'closed' })).tickets).toEqual([]);
    expect((await listTickets(asAdmin, { installationId })).tickets.every((t) => t.app?.id === app.id)).toBe(true);
  });
});

describe('the conversation', () => {
  it('answer → pending, requester reply → open, resolve, reopen, auto-close; first response measured; emails each way', async () => {
    const { id } = await openWorkspaceTicket(acme, admin, installationId, { subject: 'Flow', description: 'Step one', priority: 'normal' }, [], T0);
    const answered = await addComment(partnerViewer(developer), id, { body: 'Which workspace id?' }, [], at(130));
    expect(answered.ticket).toMatchObject({ status: 'pending', side: 'responder', waitingOn: 'them', firstResponse: { state: 'met', text: 'First response in 2 h 10 min, target 4 h' } });
    const toAdmin = await mailTo(admin.email, 'support_ticket_comment');
    expect(toAdmin.at(-1)?.text).toContain('Which workspace id?');
    expect(toAdmin.at(-1)?.text).toContain(`/settings/support/${id}`);
    const replied = await addComment(asAdmin, id, { body: 'It is acme' }, [], at(200));
    expect(replied.ticket).toMatchObject({ status: 'open', waitingOn: 'them' });
    expect((await mailTo(developer.email, 'support_ticket_comment')).at(-1)?.text).toContain('It is acme');
    const resolved = await changeStatus(asPartner, id, 'resolved', at(300));
    expect(resolved.ticket).toMatchObject({ status: 'resolved', resolution: { state: 'met' } });
    expect((await mailTo(admin.email, 'support_ticket_resolved')).some((m) => m.text.includes(`/settings/support/${id}`))).toBe(true);
    expect(await code(changeStatus(asPartner, id, 'open', at(301)))).toEqual([409, 'ticket_transition_invalid']);
    const reopened = await changeStatus(asAdmin, id, 'open', at(400));
    expect(reopened.ticket).toMatchObject({ status: 'open', reopenedAt: at(400).toISOString(), resolvedAt: null });
    // The workspace's admin actions are in its audit log (the partner's are not: it has none there).
    const audit = await db.auditLog.findMany({ where: { tenantId: acme.id, targetId: id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });
    expect(audit).toEqual([
      { action: 'support_ticket.opened', actorId: admin.userId },
      { action: 'support_ticket.reopened', actorId: admin.userId },
    ]);
    await changeStatus(asAdmin, id, 'resolved', at(500));
    // The job closes it 14 days after the resolution, not a minute before.
    await closeResolvedTickets(at(500 + 14 * DAY - 1));
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id } })).status).toBe('resolved');
    expect(await closeResolvedTickets(at(500 + 14 * DAY))).toBeGreaterThanOrEqual(1);
    const closed = await db.supportTicket.findUniqueOrThrow({ where: { id } });
    expect([closed.status, closed.closedAt]).toEqual(['closed', at(500 + 14 * DAY)]);
    expect(await code(addComment(asAdmin, id, { body: 'One more thing' }))).toEqual([409, 'ticket_closed']);
    expect(await code(changeStatus(asAdmin, id, 'open'))).toEqual([409, 'ticket_closed']);
  });

  it('reopening after 14 days is 409 ticket_reopen_expired', async () => {
    const { id } = await openWorkspaceTicket(acme, admin, installationId, { subject: 'Late', description: 'x', priority: 'normal' }, [], T0);
    await addComment(asPartner, id, { body: 'Done', then: 'resolved' }, [], at(10));
    expect(await code(changeStatus(asAdmin, id, 'open', at(10 + 14 * DAY)))).toEqual([409, 'ticket_reopen_expired']);
    expect(await code(addComment(asAdmin, id, { body: 'Back' }, [], at(10 + 14 * DAY + 5)))).toEqual([409, 'ticket_reopen_expired']);
  });

  it('two comments at once: the rows lock, both land, and the status follows the later one', async () => {
    for (let round = 0; round < 5; round++) {
      const { id } = await openWorkspaceTicket(acme, admin, installationId, { subject: `Race ${round}`, description: 'x', priority: 'normal' });
      await Promise.all([addComment(asPartner, id, { body: 'answer' }), addComment(asAdmin, id, { body: 'more info' })]);
      const comments = await db.supportTicketComment.findMany({ where: { ticketId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      expect(comments).toHaveLength(3);
      const row = await db.supportTicket.findUniqueOrThrow({ where: { id } });
      // Whichever committed last decides: a partner answer leaves it pending, the admin's reply open.
      const last = await db.supportTicketComment.findFirstOrThrow({ where: { ticketId: id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      expect(row.status).toBe(last.side === 'responder' ? 'pending' : 'open');
      expect(row.firstRespondedAt).not.toBeNull();
    }
  });
  it('a reopen racing the auto-close: one wins, and the row never ends open with a closedAt or closed after a reopen', async () => {
    for (let round = 0; round < 4; round++) {
      const { id } = await openWorkspaceTicket(acme, admin, installationId, { subject: `Close race ${round}`, description: 'x', priority: 'normal' }, [], T0);
      await changeStatus(asPartner, id, 'resolved', at(10));
      const [reopen] = await Promise.allSettled([changeStatus(asAdmin, id, 'open', at(10 + 14 * DAY - 1)), closeResolvedTickets(at(10 + 14 * DAY))]);
      const row = await db.supportTicket.findUniqueOrThrow({ where: { id } });
      if (reopen.status === 'fulfilled') expect([row.status, row.closedAt]).toEqual(['open', null]);
      else expect([row.status, row.reopenedAt, (reopen.reason as AppError).code]).toEqual(['closed', null, 'ticket_closed']);
    }
  });
});

describe('partner → Waypoint tickets', () => {
  it('any partner user opens one; operators answer; attachments go to the sandbox; other partners get 404', async () => {
    const ticket = await openOperatorTicket(billing, { subject: 'Payout question', description: 'When is it paid?', priority: 'normal' }, [png(20, 20)], T0);
    expect(ticket).toMatchObject({ kind: 'partner_operator', side: 'requester', app: null });
    const row = await db.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.firstResponseTargetAt).toEqual(at(240));
    expect((await mailTo(operator.email, 'support_ticket_opened')).some((m) => m.text.includes(`/operator/support/${ticket.id}`))).toBe(true);
    const thread = await getTicket(operatorViewer(operator), ticket.id);
    const [file] = thread.comments[0].attachments;
    expect(file).toMatchObject({ contentType: 'image/png', fileName: `ticket-${ticket.number}-attachment-1.png` });
    expect((await db.asset.findUniqueOrThrow({ where: { id: file.id } })).tenantId).toBe(partner.sandbox.id);
    const answered = await addComment(operatorViewer(operator), ticket.id, { body: 'On the 5th.', then: 'resolved' });
    expect(answered.comments[1]).toMatchObject({ organisation: 'Waypoint support', side: 'responder' });
    expect((await mailTo(billing.email, 'support_ticket_comment')).at(-1)?.subject).toContain('Resolved');
    expect(await code(getTicket(partnerViewer(otherPartner.actor), ticket.id))).toEqual([404, 'not_found']);
    expect(await code(ticketAttachment(partnerViewer(otherPartner.actor), ticket.id, file.id))).toEqual([404, 'not_found']);
    expect((await ticketAttachment(partnerViewer(partner.actor), ticket.id, file.id)).contentType).toBe('image/png');
  });
});

describe('attachments', () => {
  it('accepts png, jpeg, gif, webp, pdf and text by their bytes; refuses others (415), empty (400) and too large (413)', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
    const { id } = await openWorkspaceTicket(acme, admin, installationId, { subject: 'Files', description: 'see files', priority: 'normal' }, [jpeg, pdf, Buffer.from('log line\n')]);
    const thread = await getTicket(asAdmin, id);
    expect(thread.comments[0].attachments.map((a) => a.contentType)).toEqual(['image/jpeg', 'application/pdf', 'text/plain']);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await code(addComment(asAdmin, id, { body: 'svg' }, [svg]))).toEqual([415, 'unsupported_media_type']);
    expect(await code(addComment(asAdmin, id, { body: 'exe' }, [Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])]))).toEqual([415, 'unsupported_media_type']);
    expect(await code(addComment(asAdmin, id, { body: 'empty' }, [Buffer.alloc(0)]))).toEqual([400, 'bad_request']);
    expect(await code(addComment(asAdmin, id, { body: 'big' }, [Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x61)]))).toEqual([413, 'payload_too_large']);
    expect(await code(addComment(asAdmin, id, { body: 'many' }, [pdf, pdf, pdf, pdf]))).toEqual([400, 'bad_request']);
    // A refused comment writes nothing.
    expect(await db.supportTicketComment.count({ where: { ticketId: id } })).toBe(1);
    const fileId = thread.comments[0].attachments[1].id;
    expect((await ticketAttachment(asPartner, id, fileId)).fileName).toBe(`ticket-${thread.ticket.number}-attachment-2.pdf`);
    expect(await code(ticketAttachment(workspaceViewer(globex, globexAdmin), id, fileId))).toEqual([404, 'not_found']);
    // An asset of another ticket is not served through this one.
    const other = await openWorkspaceTicket(acme, admin, installationId, { subject: 'Other', description: 'x', priority: 'normal' });
    expect(await code(ticketAttachment(asAdmin, other.id, fileId))).toEqual([404, 'not_found']);
  });
});

describe('summaries', () => {
  it('median first response and share within target, for the partner and for Waypoint', async () => {
    const fresh = await createPartner();
    const freshApp = await createApp(fresh);
    const ins = await install(freshApp, acme.id, admin.userId);
    const now = new Date();
    const opened = async (respondAfterMin: number | null) => {
      const t = await openWorkspaceTicket(acme, admin, ins, { subject: 'Timing', description: 'x', priority: 'normal' }, [], new Date(now.getTime() - 3 * DAY * 60_000));
      if (respondAfterMin !== null) await addComment(partnerViewer(fresh.actor), t.id, { body: 'hi' }, [], new Date(now.getTime() - 3 * DAY * 60_000 + respondAfterMin * 60_000));
    };
    // standard tier: 24 h. Answered in 1 h and 30 h; one never answered (late).
    await opened(60);
    await opened(30 * 60);
    await opened(null);
    const summary = await partnerSupportSummary(fresh.actor, now);
    expect(summary).toMatchObject({ opened: 3, measured: 3, medianFirstResponse: '15 h 30 min', firstResponseWithinTargetPct: 33, open: 1, overdue: 1 });
    expect(partnerSupportSummary(billing, now)).toBeNull();
    expect((await operatorSupportSummary(now)).days).toBe(90);
  });
});
