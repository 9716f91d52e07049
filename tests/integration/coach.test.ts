import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as v1Ask } from '../../app/api/v1/coach/messages/route.ts';
import { CoachStreamEvent as CoachStreamEventSchema } from '../../lib/api/v1/schemas/coach.ts';
import type { Scope } from '../../lib/api-keys/scopes.ts';
import type { Member } from '../../lib/auth/session.ts';
import { incrementUsage, usageAt } from '../../lib/billing/usage.ts';
import { askCoach, type CoachStreamEvent } from '../../lib/coach/ask-coach.ts';
import { deleteConversation, getConversation, listConversations } from '../../lib/coach/conversations.ts';
import { acceptProposal, dismissProposal } from '../../lib/coach/decide-proposal.ts';
import { closeCoachLimiter, COACH_RATE, COACH_TOKENS } from '../../lib/coach/limits.ts';
import { setCoachEnabled } from '../../lib/coach/workspace-switch.ts';
import { db } from '../../lib/db/client.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { createHabit } from '../../lib/habits/habits.ts';
import { loggerOptions } from '../../lib/observability/logger.ts';
import { eraseUser } from '../../lib/privacy/erase-user.ts';
import { buildMemberArchive } from '../../lib/privacy/export.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { strFromU8, unzipSync } from 'fflate';
import { apiWorkspace, expectProblem, MEMBER_SCOPES } from '../support/api-v1-client.ts';
import { contextOf } from '../support/factories.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fakes/openai.ts';
import { failure, memberIn, workspace } from '../support/workspace.ts';

// The AI coach against a fake OpenAI-compatible provider (tests/support/fakes/openai.ts): what
// reaches the provider (only the member's own rows), the streamed answer through the API, the
// workspace switch, plan, budget and rate limit, proposals, privacy (logs, export, erasure).

let fake: FakeOpenAI;
const saved: Record<string, string | undefined> = {};
const COACH_ENV = ['COACH_API_BASE', 'COACH_API_KEY', 'COACH_MODEL'] as const;

function configure(on: boolean): void {
  process.env.COACH_API_BASE = on ? fake.url : '';
  process.env.COACH_API_KEY = on ? fake.apiKey : '';
  process.env.COACH_MODEL = on ? fake.model : '';
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
  for (const name of COACH_ENV) saved[name] = process.env[name];
});

afterAll(async () => {
  for (const name of COACH_ENV) process.env[name] = saved[name] ?? '';
  await closeCoachLimiter();
  await fake.close();
});

beforeEach(() => configure(true));

/** A workspace on a plan with the coach, turned on by its admin. */
async function coachWorkspace(plan = 'enterprise'): Promise<{ tenant: TenantContext; admin: Member }> {
  const tenant = await workspace({ plan });
  const admin = await memberIn(tenant, 'admin');
  await setCoachEnabled(tenant, admin, { enabled: true, noticeAccepted: true });
  return { tenant, admin };
}

async function drain(events: AsyncIterable<CoachStreamEvent>): Promise<CoachStreamEvent[]> {
  const all: CoachStreamEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

async function ask(tenant: TenantContext, member: Member, message: string, conversationId?: string) {
  const exchange = await askCoach(tenant, member, { message, conversationId });
  const events = await drain(exchange.events);
  const done = events.find((event) => event.type === 'done');
  if (!done || done.type !== 'done') throw new Error(`no answer: ${JSON.stringify(events)}`);
  return { conversationId: exchange.conversation.id, events, message: done.message, usage: done.usage };
}

/** Reads Server-Sent Events' data lines from a response body as they arrive. */
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next(): Promise<string | null> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return frame.replace(/^data: /, '');
      }
      const chunk = await reader.read();
      if (chunk.done) return null;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
}

describe('the coach', () => {
  it("sends the provider only the member's own rows: never another member's personal goal or habit, nor another team's goal", async () => {
    const { tenant, admin } = await coachWorkspace();
    const me = await memberIn(tenant);
    const bea = await memberIn(tenant);
    const mine = await db.team.create({ data: { tenantId: tenant.id, name: 'Runners' } });
    const theirs = await db.team.create({ data: { tenantId: tenant.id, name: 'Closed circle' } });
    await db.teamMember.create({ data: { tenantId: tenant.id, teamId: mine.id, userId: me.userId } });
    await db.teamMember.create({ data: { tenantId: tenant.id, teamId: theirs.id, userId: bea.userId } });
    await createGoal(tenant, me, { title: 'My own marathon plan' });
    const stretch = await createHabit(tenant, me, { name: 'Stretch every morning', description: null, schedule: 'daily', scheduleDays: [], timesPerWeek: null });
    await db.goal.create({ data: { tenantId: tenant.id, ownerId: admin.userId, teamId: mine.id, title: 'Team relay in June' } });
    await createGoal(tenant, bea, { title: 'BEA-PRIVATE-GOAL divorce paperwork' });
    const journal = await createHabit(tenant, bea, { name: 'BEA-PRIVATE-HABIT therapy journal', description: null, schedule: 'daily', scheduleDays: [], timesPerWeek: null });
    // Insights are grounding too: the member's own streak at risk goes, Bea's stays out.
    const atRisk = (userId: string, habitId: string, currentStreak: number) =>
      db.insight.create({
        data: {
          id: `isg_${habitId}`, tenantId: tenant.id, userId, kind: 'streak_at_risk', key: `streak_at_risk:${habitId}:today`, subjectType: 'habit', subjectId: habitId,
          data: { localDate: '2026-12-07', currentStreak, streakUnit: 'days', usualLogHour: 8, loggedByNowRate: 0.9, sampleDays: 10 },
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
    await atRisk(me.userId, stretch.id, 4117);
    await atRisk(bea.userId, journal.id, 7331);
    await db.goal.create({ data: { tenantId: tenant.id, ownerId: bea.userId, teamId: theirs.id, title: 'CLOSED-TEAM-GOAL reorg' } });

    const before = fake.requests.length;
    await ask(tenant, me, 'What should I focus on this week?');
    // An admin asking sees no more of others' personal rows either.
    await ask(tenant, admin, 'And me?');
    const sent = fake.requests.slice(before).map((body) => JSON.stringify(body));
    expect(sent).toHaveLength(2);
    expect(sent[0]).toContain('My own marathon plan');
    expect(sent[0]).toContain('Stretch every morning');
    expect(sent[0]).toContain('Team relay in June');
    expect(sent[0]).toContain('streak_at_risk');
    expect(sent[0]).toContain('4117');
    for (const body of sent) {
      for (const secret of ['BEA-PRIVATE-GOAL', 'BEA-PRIVATE-HABIT', 'CLOSED-TEAM-GOAL', bea.email, '7331']) expect(body).not.toContain(secret);
    }
    expect(sent[1]).not.toContain('My own marathon plan');
  });

  it('streams through POST /api/v1/coach/messages: deltas arrive before the answer ends, then the stored message with its usage', async () => {
    const ws = await apiWorkspace();
    await db.tenant.update({ where: { id: ws.tenant.id }, data: { coachEnabledAt: new Date() } });
    const { secret } = await ws.newKey({ scopes: [...MEMBER_SCOPES, 'ai:coach' as Scope] });
    fake.reply({ text: 'One two three four five six seven eight.' });
    const release = fake.holdAfterFirstChunk();

    const { NextRequest } = await import('next/server');
    const { trustedHeaders } = await import('../support/trusted.ts');
    const req = new NextRequest('http://api.localhost:3100/api/v1/coach/messages', {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...trustedHeaders({ tenantId: ws.tenant.id }) },
      body: JSON.stringify({ message: 'How am I doing?' }),
    });
    const response = await v1Ask(req, { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const next = sseReader(response);
    const first = JSON.parse((await next())!) as { type: string; conversation: { id: string } };
    expect(first.type).toBe('conversation');
    // The provider is still holding the rest of its answer: this delta was streamed, not buffered.
    expect(JSON.parse((await next())!)).toEqual({ type: 'delta', delta: 'One two ' });
    release();
    const rest: string[] = [];
    for (let frame = await next(); frame !== null; frame = await next()) rest.push(frame);
    expect(rest.at(-1)).toBe('[DONE]');
    const events = rest.slice(0, -1).map((frame) => JSON.parse(frame) as Record<string, unknown>);
    // Every event is what the OpenAPI document says (CoachStreamEvent).
    for (const event of [first, ...events]) expect(CoachStreamEventSchema.safeParse(event).success, JSON.stringify(event)).toBe(true);
    const deltas = events.filter((event) => event.type === 'delta').map((event) => event.delta);
    expect(`One two ${deltas.join('')}`).toBe('One two three four five six seven eight.');
    const final = events.at(-1) as { type: string; message: { id: string; conversationId: string; content: string; proposal: null }; usage: { promptTokens: number; completionTokens: number; totalTokens: number } };
    expect(final.type).toBe('message');
    expect(final.message).toMatchObject({ conversationId: first.conversation.id, content: 'One two three four five six seven eight.', proposal: null });
    expect(final.usage.totalTokens).toBe(final.usage.promptTokens + final.usage.completionTokens);
    expect(final.usage.promptTokens).toBeGreaterThan(0);

    const stored = await getConversation(ws.tenant, ws.member, first.conversation.id);
    expect(stored.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'How am I doing?'],
      ['assistant', 'One two three four five six seven eight.'],
    ]);
    expect((await usageAt(ws.tenant.id, COACH_TOKENS)).value).toBe(final.usage.totalTokens);
    // Without the scope: 403 insufficient_scope.
    const without = await ws.call(v1Ask, '/api/v1/coach/messages', {}, { method: 'POST', body: { message: 'Hi' } });
    expectProblem(without, 403, 'insufficient_scope');
  });

  it('continues a conversation with its history, and keeps conversations per member', async () => {
    const { tenant } = await coachWorkspace();
    const me = await memberIn(tenant);
    const other = await memberIn(tenant, 'admin');
    const first = await ask(tenant, me, 'I want to read more.');
    const before = fake.requests.length;
    await ask(tenant, me, 'Any tips?', first.conversationId);
    const messages = (fake.requests[before] as { messages: { role: string; content: string }[] }).messages;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[1].content).toBe('I want to read more.');

    expect((await listConversations(tenant, me)).map((c) => c.id)).toEqual([first.conversationId]);
    expect(await listConversations(tenant, other)).toEqual([]);
    expect((await failure(getConversation(tenant, other, first.conversationId))).status).toBe(404);
    expect((await failure(deleteConversation(tenant, other, first.conversationId))).status).toBe(404);
    expect((await failure(askCoach(tenant, other, { message: 'Hijack', conversationId: first.conversationId }))).status).toBe(404);
    await deleteConversation(tenant, me, first.conversationId);
    expect(await db.coachMessage.count({ where: { conversationId: first.conversationId } })).toBe(0);
  });

  it('stores a valid proposal; accepting it twice at once creates one habit; a dismissed one creates none', async () => {
    const { tenant } = await coachWorkspace();
    const me = await memberIn(tenant);
    const { message } = await ask(tenant, me, 'Suggest a habit for my energy');
    expect(message.proposal).toMatchObject({ type: 'habit', name: 'Walk after lunch', schedule: 'daily' });
    const [a, b] = await Promise.all([acceptProposal(tenant, me, message.id), acceptProposal(tenant, me, message.id)]);
    expect(a.proposalStatus).toBe('accepted');
    expect(b.acceptedId).toBe(a.acceptedId);
    expect(await db.habit.count({ where: { tenantId: tenant.id, userId: me.userId, name: 'Walk after lunch' } })).toBe(1);
    expect((await failure(dismissProposal(tenant, me, message.id))).status).toBe(409);

    const goal = await ask(tenant, me, 'Give me a goal');
    expect(goal.message.proposal).toMatchObject({ type: 'goal', title: 'Run a 5K' });
    expect((await dismissProposal(tenant, me, goal.message.id)).proposalStatus).toBe('dismissed');
    expect((await failure(acceptProposal(tenant, me, goal.message.id))).status).toBe(409);
    expect(await db.goal.count({ where: { tenantId: tenant.id, title: 'Run a 5K' } })).toBe(0);
    // Someone else cannot accept my proposal.
    const other = await memberIn(tenant);
    expect((await failure(acceptProposal(tenant, other, message.id))).status).toBe(404);
  });

  it('drops a proposal whose arguments do not pass the form rules, keeping the answer', async () => {
    const { tenant } = await coachWorkspace();
    const me = await memberIn(tenant);
    fake.reply({ text: 'Try this.', toolCall: { name: 'propose_habit', arguments: { name: 'Gym', schedule: 'weekly_days', schedule_days: [] } } });
    const { message } = await ask(tenant, me, 'Plan my week');
    expect(message.content).toBe('Try this.');
    expect(message.proposal).toBeNull();
  });

  it('refuses clearly: not set up (404), not on the plan (403), switched off (409), an app acting as itself (403)', async () => {
    const { tenant } = await coachWorkspace();
    const me = await memberIn(tenant);
    configure(false);
    expect(await failure(askCoach(tenant, me, { message: 'Hi' }))).toMatchObject({ status: 404, code: 'coach_not_configured' });
    configure(true);

    const basic = await workspace({ plan: 'basic' });
    const basicAdmin = await memberIn(basic, 'admin');
    expect(await failure(setCoachEnabled(basic, basicAdmin, { enabled: true, noticeAccepted: true }))).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
    await db.tenant.update({ where: { id: basic.id }, data: { coachEnabledAt: new Date() } });
    const refused = await failure(askCoach(basic, basicAdmin, { message: 'Hi' }));
    expect(refused).toMatchObject({ status: 403, code: 'plan_upgrade_required' });
    expect(refused.message).toContain('AI coaching is not included in the Basic plan');

    const off = await workspace();
    const offMember = await memberIn(off);
    expect(await failure(askCoach(off, offMember, { message: 'Hi' }))).toMatchObject({ status: 409, code: 'coach_disabled' });
    expect(await failure(askCoach(tenant, { ...me, appInstallationId: 'inst_1' }, { message: 'Hi' }))).toMatchObject({ status: 403 });
    // The switch needs the notice read, an admin, and writes the audit log.
    expect(await failure(setCoachEnabled(off, await memberIn(off, 'admin'), { enabled: true }))).toMatchObject({ status: 422 });
    expect(await failure(setCoachEnabled(off, offMember, { enabled: true, noticeAccepted: true }))).toMatchObject({ status: 403 });
    const admin = await memberIn(off, 'admin');
    const status = await setCoachEnabled(off, admin, { enabled: true, noticeAccepted: true });
    expect(status).toMatchObject({ available: true, providerHost: new URL(fake.url).host });
    await setCoachEnabled(off, admin, { enabled: false });
    expect((await db.auditLog.findMany({ where: { tenantId: off.id, action: { startsWith: 'coach.' } }, orderBy: { createdAt: 'asc' } })).map((e) => e.action)).toEqual(['coach.enabled', 'coach.disabled']);
  });

  it('answers through the API with a problem, not a 500, when the coach is not set up', async () => {
    const ws = await apiWorkspace();
    const { secret } = await ws.newKey({ scopes: ['ai:coach' as Scope] });
    configure(false);
    expectProblem(await ws.call(v1Ask, '/api/v1/coach/messages', {}, { method: 'POST', secret, body: { message: 'Hi' } }), 404, 'coach_not_configured');
    configure(true);
    expectProblem(await ws.call(v1Ask, '/api/v1/coach/messages', {}, { method: 'POST', secret, body: { message: 'Hi' } }), 409, 'coach_disabled');
    expectProblem(await ws.call(v1Ask, '/api/v1/coach/messages', {}, { method: 'POST', secret, body: { message: '' } }), 422, 'validation_failed');
  });

  it("refuses with 429 coach_budget_exhausted once the plan's monthly tokens are used, without calling the provider", async () => {
    const { tenant } = await coachWorkspace('pro');
    const me = await memberIn(tenant);
    await incrementUsage(tenant.id, COACH_TOKENS, 200_000 - 1);
    await ask(tenant, me, 'One more?');
    const before = fake.requests.length;
    const refused = await failure(askCoach(tenant, me, { message: 'And another?' }));
    expect(refused).toMatchObject({ status: 429, code: 'coach_budget_exhausted' });
    expect(refused.message).toMatch(/used all its AI coach tokens for this period; they renew on \d{4}-\d{2}-\d{2}\./);
    expect(fake.requests.length).toBe(before);
    expect(await db.coachMessage.count({ where: { tenantId: tenant.id, content: 'And another?' } })).toBe(0);
    // An operator's override raises the budget.
    await db.tenantOverride.create({ data: { tenantId: tenant.id, key: 'coachTokensPerMonth', value: 10_000_000, note: 'pilot' } });
    await ask(await contextOf(tenant.id), me, 'Now?');
  });

  it('limits each member to a burst of questions (429 rate_limited with Retry-After), not the whole workspace', async () => {
    const { tenant } = await coachWorkspace();
    const me = await memberIn(tenant);
    const other = await memberIn(tenant);
    for (let i = 0; i < COACH_RATE.burst; i++) await ask(tenant, me, `Question ${i}`);
    const before = fake.requests.length;
    const refused = await failure(askCoach(tenant, me, { message: 'One too many' }));
    expect(refused).toMatchObject({ status: 429, code: 'rate_limited' });
    expect((refused as unknown as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(fake.requests.length).toBe(before);
    await ask(tenant, other, 'My turn');
  });

  it('answers 502 coach_provider_error when the provider refuses, storing nothing', async () => {
    const { tenant } = await coachWorkspace();
    const me = await memberIn(tenant);
    fake.reply({ text: '', status: 500 }, { text: '', status: 500 });
    expect(await failure(askCoach(tenant, me, { message: 'Hello?' }))).toMatchObject({ status: 502, code: 'coach_provider_error' });
    expect(await listConversations(tenant, me)).toEqual([]);
  });

  it('never writes a question or an answer to the logs', async () => {
    const { tenant } = await coachWorkspace();
    const me = await memberIn(tenant);
    const lines: string[] = [];
    const key = Symbol.for('waypoint.logger');
    const holder = globalThis as unknown as Record<symbol, unknown>;
    const previous = holder[key];
    holder[key] = pino({ ...loggerOptions(), level: 'trace' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }));
    try {
      fake.reply({ text: 'ANSWER-CANARY keep going.' }, { text: 'broken', status: 503 }, { text: 'broken', status: 503 });
      await ask(tenant, me, 'QUESTION-CANARY how do I rest?');
      await failure(askCoach(tenant, me, { message: 'QUESTION-CANARY again' }));
    } finally {
      holder[key] = previous;
    }
    const all = lines.join('\n');
    // The failure was logged (so the capture works), without what was asked.
    expect(all).toContain('coach: the provider refused');
    expect(all).not.toContain('QUESTION-CANARY');
    expect(all).not.toContain('ANSWER-CANARY');
  });

  it("is in the member's export, and erased with their account", async () => {
    const { tenant } = await coachWorkspace();
    const me = await memberIn(tenant);
    const other = await memberIn(tenant);
    const mine = await ask(tenant, me, 'EXPORT-CANARY sleep tips');
    await ask(tenant, other, 'OTHER-CANARY');
    const files = unzipSync(await buildMemberArchive(tenant.id, me.userId));
    const section = strFromU8(files['coach_conversations.json']);
    expect(section).toContain(mine.conversationId);
    expect(section).toContain('EXPORT-CANARY sleep tips');
    expect(section).toContain(mine.message.content);
    expect(section).not.toContain('OTHER-CANARY');

    await eraseUser(me.userId, { kind: 'self', actor: null });
    expect(await db.coachConversation.count({ where: { userId: me.userId } })).toBe(0);
    expect(await db.coachMessage.count({ where: { conversationId: mine.conversationId } })).toBe(0);
    expect(await db.coachConversation.count({ where: { userId: other.userId } })).toBe(1);
  });
});
