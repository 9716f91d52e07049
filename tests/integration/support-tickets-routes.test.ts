import { beforeAll, describe, expect, it } from 'vitest';
import * as opCommentsRoute from '../../app/api/operator/support/tickets/[ticketId]/comments/route.ts';
import * as opTicketRoute from '../../app/api/operator/support/tickets/[ticketId]/route.ts';
import * as opTicketsRoute from '../../app/api/operator/support/tickets/route.ts';
import * as wsAttachmentRoute from '../../app/api/app/support/tickets/[ticketId]/attachments/[assetId]/route.ts';
import * as wsCommentsRoute from '../../app/api/app/support/tickets/[ticketId]/comments/route.ts';
import * as wsTicketRoute from '../../app/api/app/support/tickets/[ticketId]/route.ts';
import * as wsStatusRoute from '../../app/api/app/support/tickets/[ticketId]/status/route.ts';
import * as wsTicketsRoute from '../../app/api/app/support/tickets/route.ts';
import * as ptAttachmentRoute from '../../app/api/partner/support/tickets/[ticketId]/attachments/[assetId]/route.ts';
import * as ptCommentsRoute from '../../app/api/partner/support/tickets/[ticketId]/comments/route.ts';
import * as ptTicketRoute from '../../app/api/partner/support/tickets/[ticketId]/route.ts';
import * as ptStatusRoute from '../../app/api/partner/support/tickets/[ticketId]/status/route.ts';
import * as ptTicketsRoute from '../../app/api/partner/support/tickets/route.ts';
import { db } from '../../lib/db/client.ts';
import { backgroundTasksSettled } from '../../lib/http/after-response.ts';
import { DEMO_OPERATOR } from '../../lib/seed/demo-data.ts';
import { callRoute, type AppCall, type RouteHandlerFn } from '../support/app-client.ts';
import { createMember, createTenant } from '../support/factories.ts';
import { addPartnerUser, createApp, createPartner, install, type TestApp, type TestPartner } from '../support/marketplace-fixtures.ts';
import { png } from '../support/png.ts';
import { sessionCookie } from '../support/session-cookie.ts';

// The support desk's routes as a browser calls them, on each side's host: JSON and multipart
// bodies, status codes and problem codes, downloads' headers, and 404 for everyone else.

const ROOT = 'localhost:3100';
let partner: TestPartner;
let stranger: TestPartner;
let app: TestApp;
let acme: { id: string; host: string };
let globex: { id: string; host: string };
let installationId: string;
const cookies: Record<string, string> = {};
let ticketId: string;
let assetId: string;

const onTenant = (t: { id: string; host: string }, handler: RouteHandlerFn, call: Partial<AppCall>) => callRoute(handler, { tenantId: t.id, host: t.host, path: '/', ...call });
const onRoot = (handler: RouteHandlerFn, call: Partial<AppCall>) => callRoute(handler, { tenantId: null, host: ROOT, path: '/', ...call });

/** A multipart body as a browser's FormData sends it. */
async function multipart(fields: Record<string, string>, files: { bytes: Buffer; name: string; type: string }[] = []): Promise<Pick<AppCall, 'body' | 'contentType'>> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('attachments', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

beforeAll(async () => {
  partner = await createPartner();
  stranger = await createPartner();
  app = await createApp(partner, { name: 'Route Desk' });
  const a = await createTenant();
  const g = await createTenant();
  acme = { id: a.id, host: `${a.slug}.${ROOT}` };
  globex = { id: g.id, host: `${g.slug}.${ROOT}` };
  const admin = await createMember(a.id, 'admin');
  const member = await createMember(a.id, 'member');
  const globexAdmin = await createMember(g.id, 'admin');
  installationId = await install(app, a.id, admin.id);
  cookies.admin = await sessionCookie(admin.id, a.id);
  cookies.member = await sessionCookie(member.id, a.id);
  cookies.globexAdmin = await sessionCookie(globexAdmin.id, g.id);
  cookies.partner = await sessionCookie(partner.actor.userId, null);
  cookies.billing = await sessionCookie((await addPartnerUser(partner.id, 'billing')).userId, null);
  cookies.stranger = await sessionCookie(stranger.actor.userId, null);
  cookies.operator = await sessionCookie((await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR.email } })).id, null);
});

describe('workspace routes', () => {
  it('an admin opens a ticket with a file (multipart, 201) and reads it; the file downloads as an attachment with nosniff', async () => {
    const body = await multipart({ installationId, subject: 'Export broken', description: 'See the screenshot', priority: 'urgent' }, [{ bytes: png(8, 8), name: 'shot.png', type: 'image/png' }]);
    const opened = await onTenant(acme, wsTicketsRoute.POST, { method: 'POST', cookie: cookies.admin, ...body });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body).toMatchObject({ subject: 'Export broken', priority: 'urgent', status: 'open', side: 'requester' });
    ticketId = opened.body.id as string;
    const thread = await onTenant(acme, wsTicketRoute.GET, { cookie: cookies.admin, params: { ticketId } });
    expect(thread.status, thread.text).toBe(200);
    const comments = thread.body.comments as { attachments: { id: string }[] }[];
    assetId = comments[0].attachments[0].id;
    const file = await onTenant(acme, wsAttachmentRoute.GET, { cookie: cookies.admin, params: { ticketId, assetId } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="ticket-\d+-attachment-1\.png"$/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toBe('private, no-store');
  });

  it('opens with JSON too; bad fields are 422, a bad type 415, an HTML file 415, a member 403, cross-site 403', async () => {
    const ok = await onTenant(acme, wsTicketsRoute.POST, { method: 'POST', cookie: cookies.admin, json: { installationId, subject: 'Plain JSON', description: 'Hello' } });
    expect([ok.status, ok.body.priority]).toEqual([201, 'normal']);
    const bad = await onTenant(acme, wsTicketsRoute.POST, { method: 'POST', cookie: cookies.admin, json: { installationId, subject: 'x', description: '', priority: 'asap' } });
    expect(bad.status, bad.text).toBe(422);
    expect(Object.keys(bad.body.errors as object).sort()).toEqual(['description', 'priority', 'subject']);
    expect((await onTenant(acme, wsTicketsRoute.POST, { method: 'POST', cookie: cookies.admin, body: 'subject=x', contentType: 'text/plain' })).status).toBe(415);
    const html = await multipart({ installationId, subject: 'A page', description: 'x' }, [{ bytes: Buffer.from('<html><script>x</script></html>\u0000'), name: 'a.png', type: 'image/png' }]);
    const refused = await onTenant(acme, wsTicketsRoute.POST, { method: 'POST', cookie: cookies.admin, ...html });
    expect([refused.status, refused.body.code]).toEqual([415, 'unsupported_media_type']);
    expect((await onTenant(acme, wsTicketsRoute.POST, { method: 'POST', cookie: cookies.member, json: { installationId, subject: 'Member', description: 'x' } })).status).toBe(403);
    expect((await onTenant(acme, wsTicketsRoute.GET, { cookie: cookies.member })).status).toBe(403);
    const cross = await onTenant(acme, wsTicketsRoute.POST, { method: 'POST', cookie: cookies.admin, origin: 'https://evil.example', json: { installationId, subject: 'Cross', description: 'x' } });
    expect([cross.status, cross.body.code]).toEqual([403, 'cross_site_request']);
    const junk = await onTenant(acme, wsTicketsRoute.POST, { method: 'POST', cookie: cookies.admin, body: 'not a form', contentType: 'multipart/form-data; boundary=zzz' });
    expect(junk.status).toBe(400);
  });

  it('another workspace gets 404 for the ticket, its comments, status and files, and cannot use the installation', async () => {
    expect((await onTenant(globex, wsTicketRoute.GET, { cookie: cookies.globexAdmin, params: { ticketId } })).status).toBe(404);
    expect((await onTenant(globex, wsCommentsRoute.POST, { method: 'POST', cookie: cookies.globexAdmin, params: { ticketId }, json: { body: 'hi' } })).status).toBe(404);
    expect((await onTenant(globex, wsStatusRoute.POST, { method: 'POST', cookie: cookies.globexAdmin, params: { ticketId }, json: { status: 'resolved' } })).status).toBe(404);
    expect((await onTenant(globex, wsAttachmentRoute.GET, { cookie: cookies.globexAdmin, params: { ticketId, assetId } })).status).toBe(404);
    expect((await onTenant(globex, wsTicketsRoute.POST, { method: 'POST', cookie: cookies.globexAdmin, json: { installationId, subject: 'Theirs', description: 'x' } })).status).toBe(404);
    const list = await onTenant(globex, wsTicketsRoute.GET, { cookie: cookies.globexAdmin });
    expect((list.body.tickets as unknown[]).length).toBe(0);
  });
});

describe('partner routes', () => {
  it('lists with filters (bad filter 422), answers (pending), and the admin sees the answer', async () => {
    const list = await onRoot(ptTicketsRoute.GET, { cookie: cookies.partner, path: `/x?status=open&priority=urgent&appId=${app.id}` });
    expect(list.status, list.text).toBe(200);
    expect((list.body.tickets as { id: string }[]).map((t) => t.id)).toEqual([ticketId]);
    expect((await onRoot(ptTicketsRoute.GET, { cookie: cookies.partner, path: '/x?status=asleep' })).status).toBe(422);
    const answer = await onRoot(ptCommentsRoute.POST, { method: 'POST', cookie: cookies.partner, params: { ticketId }, json: { body: 'Fixed in 2.1, please retry.' } });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.ticket).toMatchObject({ status: 'pending', side: 'responder', firstResponse: { state: 'met' } });
    const seen = await onTenant(acme, wsTicketRoute.GET, { cookie: cookies.admin, params: { ticketId } });
    expect(seen.body.ticket).toMatchObject({ status: 'pending', waitingOn: 'you' });
    expect((seen.body.comments as { body: string; organisation: string }[])[1]).toMatchObject({ body: 'Fixed in 2.1, please retry.', organisation: partner.name });
    const file = await onRoot(ptAttachmentRoute.GET, { cookie: cookies.partner, params: { ticketId, assetId } });
    expect(file.status).toBe(200);
  });

  it('the responder cannot reopen (409 ticket_transition_invalid); a closed status by hand is 409', async () => {
    const resolved = await onRoot(ptStatusRoute.POST, { method: 'POST', cookie: cookies.partner, params: { ticketId }, json: { status: 'resolved' } });
    expect(resolved.status, resolved.text).toBe(200);
    const reopen = await onRoot(ptStatusRoute.POST, { method: 'POST', cookie: cookies.partner, params: { ticketId }, json: { status: 'open' } });
    expect([reopen.status, reopen.body.code]).toEqual([409, 'ticket_transition_invalid']);
    const close = await onTenant(acme, wsStatusRoute.POST, { method: 'POST', cookie: cookies.admin, params: { ticketId }, json: { status: 'closed' } });
    expect([close.status, close.body.code]).toEqual([409, 'ticket_transition_invalid']);
    const back = await onTenant(acme, wsStatusRoute.POST, { method: 'POST', cookie: cookies.admin, params: { ticketId }, json: { status: 'open' } });
    expect([back.status, (back.body.ticket as { status: string }).status]).toEqual([200, 'open']);
    expect((await onTenant(acme, wsStatusRoute.POST, { method: 'POST', cookie: cookies.admin, params: { ticketId }, json: { status: 'later' } })).status).toBe(422);
  });

  it('another partner and the partner’s billing contact get 404 for a workspace ticket', async () => {
    for (const cookie of [cookies.stranger, cookies.billing]) {
      expect((await onRoot(ptTicketRoute.GET, { cookie, params: { ticketId } })).status).toBe(404);
      expect((await onRoot(ptCommentsRoute.POST, { method: 'POST', cookie, params: { ticketId }, json: { body: 'x' } })).status).toBe(404);
      expect((await onRoot(ptAttachmentRoute.GET, { cookie, params: { ticketId, assetId } })).status).toBe(404);
    }
    expect((await onRoot(ptTicketsRoute.GET, {})).status).toBe(401);
  });
});

describe('partner → Waypoint', () => {
  it('a billing contact contacts Waypoint; an operator lists and answers; the partner gets the email; others 404', async () => {
    const opened = await onRoot(ptTicketsRoute.POST, { method: 'POST', cookie: cookies.billing, json: { subject: 'Invoice copy', description: 'Where is it?', priority: 'low' } });
    expect(opened.status, opened.text).toBe(201);
    const id = opened.body.id as string;
    const list = await onRoot(opTicketsRoute.GET, { cookie: cookies.operator, path: '/x?status=open' });
    expect((list.body.tickets as { id: string }[]).map((t) => t.id)).toContain(id);
    const answered = await onRoot(opCommentsRoute.POST, { method: 'POST', cookie: cookies.operator, params: { ticketId: id }, json: { body: 'Sent again.', then: 'resolved' } });
    expect(answered.status, answered.text).toBe(201);
    expect(answered.body.ticket).toMatchObject({ status: 'resolved', side: 'responder' });
    await backgroundTasksSettled();
    const billingEmail = (await db.partnerUser.findFirstOrThrow({ where: { partnerId: partner.id, role: 'billing' }, select: { user: { select: { email: true } } } })).user.email;
    expect(await db.emailMessage.count({ where: { to: billingEmail, kind: 'support_ticket_comment' } })).toBe(1);
    expect((await onRoot(ptTicketRoute.GET, { cookie: cookies.stranger, params: { ticketId: id } })).status).toBe(404);
    // The operator does not see workspaces' tickets to partners; a partner user is not an operator.
    expect((await onRoot(opTicketRoute.GET, { cookie: cookies.operator, params: { ticketId } })).status).toBe(404);
    expect((await onRoot(opTicketsRoute.GET, { cookie: cookies.partner })).status).toBe(403);
  });
});
