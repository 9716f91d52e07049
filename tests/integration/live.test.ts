import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as poll } from '../../app/api/app/live/poll/route.ts';
import { endSession } from '../../lib/auth/user-sessions.ts';
import { db } from '../../lib/db/client.ts';
import { closeNotifyListener } from '../../lib/db/notify-listener.ts';
import { createGoal, updateGoal } from '../../lib/goals/goals.ts';
import { serveLive } from '../../lib/realtime/live-http.ts';
import { liveHub } from '../../lib/realtime/live-stream.ts';
import type { LiveMessage } from '../../lib/realtime/protocol.ts';
import { addTeamMember } from '../../lib/teams/team-membership.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import { callRoute } from '../support/app-client.ts';
import { contextOf, createMember, createTenant, memberOf } from '../support/factories.ts';

// GET /api/app/live end to end inside one process: the trigger on DomainEvent, this process's
// LISTEN connection (as in the app's server), the hub and the stream over HTTP as the server
// answers it (serveLive on a Node server of the test's own); its door (host, session, role,
// 2FA); Last-Event-ID replay, reset, the end of a stream whose session ends, and the polling
// fallback.

type Tenant = Awaited<ReturnType<typeof contextOf>>;
type Who = { userId: string; cookie: string; sessionId: string };

const decoder = new TextDecoder();

interface Frame {
  event?: string;
  id?: string;
  data?: string;
}

/** An open stream: frames as they arrive, and whether it ended. */
class Stream {
  frames: Frame[] = [];
  ended = false;
  status = 0;
  headers: IncomingMessage['headers'] = {};
  body = '';
  private waiters = new Set<() => void>();
  constructor(readonly close: () => void) {}

  async pump(response: IncomingMessage): Promise<void> {
    this.status = response.statusCode ?? 0;
    this.headers = response.headers;
    let rest = '';
    try {
      for await (const chunk of response as AsyncIterable<Buffer>) {
        const text = decoder.decode(chunk, { stream: true });
        this.body += text;
        rest += text;
        const blocks = rest.split('\n\n');
        rest = blocks.pop() ?? '';
        for (const block of blocks) {
          const frame: Frame = {};
          for (const line of block.split('\n')) {
            const at = line.indexOf(': ');
            if (line.startsWith(':') || at < 0) continue;
            const field = line.slice(0, at) as keyof Frame | 'retry';
            if (field === 'retry') continue;
            frame[field] = line.slice(at + 2);
          }
          if (frame.data !== undefined || frame.event) this.frames.push(frame);
        }
        this.waiters.forEach((wake) => wake());
      }
    } catch {
      // closed
    }
    this.ended = true;
    this.waiters.forEach((wake) => wake());
  }

  get messages(): LiveMessage[] {
    return this.frames.filter((f) => !f.event && f.data).map((f) => JSON.parse(f.data!) as LiveMessage);
  }

  get problem(): { code?: string } {
    return JSON.parse(this.body) as { code?: string };
  }

  eventsFor(goalId: string): LiveMessage[] {
    return this.messages.filter((m) => m.kind === 'event' && m.subject.goalId === goalId);
  }

  async until(predicate: () => boolean, ms = 5_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; frames: ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
        setTimeout(wake, 100);
      });
    }
  }
}

const open: Stream[] = [];
let server: Server;
let port = 0;

/** A request to the stream on `host`; resolves once the answer's headers (and, for a stream, its hello) are in. */
async function call(host: string, headers: Record<string, string> = {}, query = '', method = 'GET'): Promise<Stream> {
  const req = request({ host: '127.0.0.1', port, method, path: `/api/app/live${query}`, headers: { host, ...headers } });
  const stream = new Stream(() => req.destroy());
  open.push(stream);
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
  const pumped = stream.pump(response);
  if (response.statusCode === 200) await stream.until(() => stream.frames.some((f) => f.event === 'hello'));
  else await pumped;
  return stream;
}

const hostOf = (tenant: Pick<Tenant, 'slug'>) => `${tenant.slug}.localhost:3100`;

function connect(tenant: Tenant, who: Who | null, headers: Record<string, string> = {}, query = ''): Promise<Stream> {
  return call(hostOf(tenant), { ...(who ? { cookie: who.cookie } : {}), ...headers }, query);
}

async function person(tenantId: string, role: 'member' | 'admin' = 'member'): Promise<Who> {
  const user = await createMember(tenantId, role);
  const { startSession } = await import('../../lib/auth/user-sessions.ts');
  const { encode } = await import('next-auth/jwt');
  const { sessionSecret } = await import('../../lib/auth/session-secret.ts');
  const session = await startSession({ userId: user.id, tenantId, method: 'password', ip: '203.0.113.10', userAgent: 'vitest' });
  const token = await encode({ token: { uid: user.id, tid: tenantId, sat: session.createdAt.getTime(), sid: session.id }, secret: sessionSecret(tenantId)! });
  return { userId: user.id, cookie: `next-auth.session-token=${token}`, sessionId: session.id };
}

describe('GET /api/app/live', () => {
  let tenant: Tenant;
  let owner: Who;
  let other: Who;
  let admin: Who;
  let teamId: string;
  const saved = process.env.NEXT_RUNTIME;

  beforeAll(async () => {
    // The notify listener only listens inside the Next server: this process plays one.
    process.env.NEXT_RUNTIME = 'nodejs';
    server = createServer((req, res) => void serveLive(req, res, { requestId: `req_live_test_${Date.now()}`, clientIp: '127.0.0.1' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const row = await createTenant({ plan: 'enterprise' });
    tenant = await contextOf(row.id);
    owner = await person(row.id);
    other = await person(row.id);
    admin = await person(row.id, 'admin');
    const team = await createTeam(tenant, await memberOf(row.id, admin.userId), { name: 'Live team' });
    teamId = team.id;
    await addTeamMember(tenant, await memberOf(row.id, admin.userId), teamId, { userId: owner.userId });
    liveHub();
    // Let the LISTEN connection come up.
    await new Promise((resolve) => setTimeout(resolve, 500));
  });

  afterAll(async () => {
    for (const stream of open) stream.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await closeNotifyListener();
    process.env.NEXT_RUNTIME = saved;
  });

  it('needs a signed-in member of this workspace, on its own host', async () => {
    expect((await connect(tenant, null)).status).toBe(401);
    // Another workspace's session cookie is not a session here.
    const elsewhere = await contextOf((await createTenant()).id);
    const stranger = await person(elsewhere.id);
    const crossed = await connect(tenant, stranger);
    expect([crossed.status, crossed.problem.code]).toEqual([401, 'unauthorized']);
    // A session that was signed out is no session.
    const gone = await person(tenant.id);
    await endSession(gone.sessionId, 'signed_out');
    expect((await connect(tenant, gone)).status).toBe(401);
    const platform = await call('localhost:3100', { cookie: owner.cookie });
    expect([platform.status, platform.problem.code]).toEqual([404, 'workspace_required']);
    const nowhere = await call('nobody-here.localhost:3100', { cookie: owner.cookie });
    expect([nowhere.status, nowhere.problem.code]).toEqual([404, 'workspace_not_found']);
    const post = await call(hostOf(tenant), { cookie: owner.cookie }, '', 'POST');
    expect([post.status, post.headers.allow, post.problem.code]).toEqual([405, 'GET', 'method_not_allowed']);
  });

  it('answers junk with a 4xx, never a 5xx', async () => {
    const hosts = ['', 'a..b.localhost:3100', '[::1]:3100', `${'x'.repeat(300)}.localhost:3100`, 'UPPER.LOCALHOST:3100', '-bad-.localhost:3100'];
    for (const host of hosts) expect((await call(host, { cookie: owner.cookie })).status).toBeLessThan(500);
    const cookies = ['next-auth.session-token=', 'next-auth.session-token=not.a.jwt', `next-auth.session-token=${'a'.repeat(4000)}`, 'next-auth.session-token.0=abc; next-auth.session-token.1=def', '=;;='];
    for (const cookie of cookies) expect((await call(hostOf(tenant), { cookie })).status).toBe(401);
    for (const method of ['HEAD', 'PUT', 'DELETE', 'OPTIONS']) expect((await call(hostOf(tenant), { cookie: owner.cookie }, '', method)).status).toBe(405);
    for (const query of ['?after=%00', '?after=-1', `?after=${'9'.repeat(40)}`, '?after=1&after=2', '?%E0%A4%A']) {
      const stream = await call(hostOf(tenant), { cookie: owner.cookie }, query);
      expect(stream.status).toBe(200);
      stream.close();
    }
  });

  it('refuses a suspended workspace and an admin who must first turn on 2FA', async () => {
    const row = await createTenant({ status: 'suspended' });
    const member = await person(row.id);
    const refused = await connect(await contextOf(row.id), member);
    expect([refused.status, refused.problem.code]).toEqual([403, 'workspace_suspended']);

    const strict = await createTenant();
    await db.tenant.update({ where: { id: strict.id }, data: { requireTwoFactor: true } });
    const strictTenant = await contextOf(strict.id);
    const enrol = await connect(strictTenant, await person(strict.id, 'admin'));
    expect([enrol.status, enrol.problem.code]).toEqual([403, 'two_factor_required']);
    // Members are not asked for it: their stream opens.
    expect((await connect(strictTenant, await person(strict.id))).status).toBe(200);
  });

  it('opens with a hello naming where it starts, as an SSE stream that proxies must not buffer', async () => {
    const stream = await connect(tenant, owner);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toContain('no-transform');
    expect(stream.headers['x-accel-buffering']).toBe('no');
    const hello = stream.frames.find((f) => f.event === 'hello')!;
    expect(JSON.parse(hello.data!)).toEqual({ cursor: hello.id });
    // The hub lets go of a stream whose browser went.
    const before = liveHub().size;
    stream.close();
    await expect.poll(() => liveHub().size).toBe(before - 1);
  });

  it('delivers a change to those who may see it and nothing to those who may not', async () => {
    const ownerStream = await connect(tenant, owner);
    const otherStream = await connect(tenant, other);
    const adminStream = await connect(tenant, admin);
    const ownerMember = await memberOf(tenant.id, owner.userId);
    const personal = await createGoal(tenant, ownerMember, { title: 'Private plan' });
    const shared = await createGoal(tenant, ownerMember, { title: 'Team plan', teamId });
    await ownerStream.until(() => ownerStream.eventsFor(shared.id).length > 0);
    await adminStream.until(() => adminStream.eventsFor(shared.id).length > 0);
    expect(ownerStream.eventsFor(personal.id)).toHaveLength(1);
    expect(ownerStream.eventsFor(personal.id)[0]).toMatchObject({ kind: 'event', type: 'goal.created', subject: { goalId: personal.id } });
    // Nothing of the personal goal reaches an admin or another member; the other member is in no team.
    expect(adminStream.eventsFor(personal.id)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(otherStream.eventsFor(personal.id)).toEqual([]);
    expect(otherStream.eventsFor(shared.id)).toEqual([]);
    // Only ids and types travel, never a title.
    expect(JSON.stringify(ownerStream.frames)).not.toContain('Private plan');
  });

  it('replays what was missed after Last-Event-ID (with overlap, without others’ private events), and resets when the id is unknown', async () => {
    const ownerMember = await memberOf(tenant.id, owner.userId);
    const otherMember = await memberOf(tenant.id, other.userId);
    const first = await createGoal(tenant, ownerMember, { title: 'Before the blip' });
    const before = await db.domainEvent.findFirstOrThrow({ where: { tenantId: tenant.id }, orderBy: { seq: 'desc' } });
    // While disconnected:
    await updateGoal(tenant, ownerMember, first.id, { title: 'During the blip' });
    const hidden = await createGoal(tenant, otherMember, { title: 'Not for the owner' });
    const back = await connect(tenant, owner, { 'last-event-id': before.seq.toString() });
    await back.until(() => back.eventsFor(first.id).some((m) => m.kind === 'event' && m.type === 'goal.updated'));
    expect(back.eventsFor(hidden.id)).toEqual([]);
    const seqs = back.messages.flatMap((m) => (m.kind === 'event' ? [BigInt(m.seq)] : []));
    // The overlap re-sends the last event the browser had (it de-dupes by id).
    expect(seqs).toContain(before.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
    // ?after= works the same (a reconnect the page makes itself).
    const viaQuery = await connect(tenant, owner, {}, `?after=${before.seq}`);
    await viaQuery.until(() => viaQuery.eventsFor(first.id).some((m) => m.kind === 'event' && m.type === 'goal.updated'));

    const lost = await connect(tenant, owner, { 'last-event-id': '999999999999' });
    await lost.until(() => lost.messages.some((m) => m.kind === 'reset'));
    // Junk is a new stream (a hello, no replay).
    const junk = await connect(tenant, owner, { 'last-event-id': 'x; drop' });
    expect(junk.messages).toEqual([]);
  });

  it('ends the stream when its session ends', async () => {
    const who = await person(tenant.id);
    const stream = await connect(tenant, who);
    await endSession(who.sessionId, 'signed_out');
    await stream.until(() => stream.ended, 10_000);
  });

  it('polls: the same replay, marks for notifications, webhooks only for admins', async () => {
    const first = await callRoute(poll, { path: '/api/app/live/poll', tenantId: tenant.id, host: `${tenant.slug}.localhost:3100`, cookie: owner.cookie });
    expect(first.status).toBe(200);
    const cursor = first.body.cursor as string;
    expect(first.body.messages).toEqual([]);
    expect((first.body.marks as Record<string, string>).webhooks).toBeUndefined();
    const goal = await createGoal(tenant, await memberOf(tenant.id, owner.userId), { title: 'Polled' });
    await createGoal(tenant, await memberOf(tenant.id, other.userId), { title: 'Not polled for the owner' });
    const next = await callRoute(poll, { path: `/api/app/live/poll?after=${cursor}`, tenantId: tenant.id, host: `${tenant.slug}.localhost:3100`, cookie: owner.cookie });
    const events = (next.body.messages as LiveMessage[]).filter((m) => m.kind === 'event' && BigInt(m.seq) > BigInt(cursor));
    expect(events.map((m) => m.kind === 'event' && m.subject.goalId)).toEqual([goal.id]);
    expect(BigInt(next.body.cursor as string)).toBeGreaterThan(BigInt(cursor));
    const adminPoll = await callRoute(poll, { path: '/api/app/live/poll', tenantId: tenant.id, host: `${tenant.slug}.localhost:3100`, cookie: admin.cookie });
    expect((adminPoll.body.marks as Record<string, string>).webhooks).toMatch(/^\d+:\d+$/);
    const anonymous = await callRoute(poll, { path: '/api/app/live/poll', tenantId: tenant.id, host: `${tenant.slug}.localhost:3100` });
    expect(anonymous.status).toBe(401);
  });

  it('a webhook delivery change is announced to the workspace’s admins once per statement', async () => {
    const adminStream = await connect(tenant, admin);
    const memberStream = await connect(tenant, owner);
    const endpoint = await db.webhookEndpoint.create({ data: { id: `whk_live_${Date.now()}`, tenantId: tenant.id, url: 'https://example.test/hook', eventTypes: [], secretEncrypted: 'x' } });
    await db.webhookDelivery.createMany({
      data: [1, 2, 3].map((i) => ({ id: `whd_live_${Date.now()}_${i}`, tenantId: tenant.id, endpointId: endpoint.id, eventId: `evt_live_${Date.now()}_${i}`, eventType: 'goal.created', payload: {} })),
    });
    await adminStream.until(() => adminStream.messages.some((m) => m.kind === 'webhooks'));
    expect(adminStream.messages.filter((m) => m.kind === 'webhooks')).toEqual([{ kind: 'webhooks', endpointId: endpoint.id }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(memberStream.messages.filter((m) => m.kind === 'webhooks')).toEqual([]);
  });
});
