import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commandsRoute from '../../app/api/integrations/slack/commands/route.ts';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { createHabit } from '../../lib/habits/habits.ts';
import { localDateIn } from '../../lib/habits/local-date.ts';
import { slackSignature } from '../../lib/integrations/slack/slack-signature.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { callRoute } from '../support/app-client.ts';
import { startFakeSlack, type FakeSlack } from '../support/fakes/slack.ts';
import { forgetFakeSlack, installAndConnectSlack, useFakeSlack } from '../support/slack.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// /waypoint on the root domain: Slack's signature (HMAC over v0:timestamp:body) checked before
// anything else, requests older than five minutes refused; then the Slack user is linked to a
// member by their verified email, and `log <habit>` / `goals` answer ephemerally.

let fake: FakeSlack;
let tenant: TenantContext;
let admin: Member;
let ann: Member;
const ROOT = 'localhost:3100';

function form(fields: Record<string, string>): string {
  return new URLSearchParams({ token: 'deprecated-verification-token', team_domain: 'acme', channel_id: 'C0GENERAL', user_name: 'ann', command: '/waypoint', response_url: 'https://hooks.slack.invalid/x', trigger_id: '1.2.3', ...fields }).toString();
}

async function command(body: string, options: { secret?: string; timestamp?: number; signature?: string | null; host?: string; tenantId?: string | null } = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = { 'x-slack-request-timestamp': timestamp };
  const signature = options.signature === undefined ? slackSignature(options.secret ?? fake.signingSecret, timestamp, body) : options.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  return callRoute(commandsRoute.POST, { method: 'POST', path: '/api/integrations/slack/commands', host: options.host ?? ROOT, tenantId: options.tenantId ?? null, body, contentType: 'application/x-www-form-urlencoded', origin: null, headers });
}

beforeAll(async () => {
  fake = await startFakeSlack({ team: { id: 'T0CMD', name: 'Command Slack' } });
  useFakeSlack(fake);
  tenant = await workspace();
  admin = await memberIn(tenant, 'admin');
  ann = await memberIn(tenant);
  fake.users.set('U0ANN', { id: 'U0ANN', name: 'ann', email: ann.email.toUpperCase() });
  fake.users.set('U0NOBODY', { id: 'U0NOBODY', name: 'nobody', email: 'nobody@elsewhere.test' });
  // Slack allows _ and % in an address: as LIKE wildcards, these would match ann.
  fake.users.set('U0WILD', { id: 'U0WILD', name: 'wild', email: `%${ann.email.slice(ann.email.indexOf('@'))}` });
  fake.users.set('U0UNDER', { id: 'U0UNDER', name: 'under', email: `_${ann.email.slice(1)}` });
  await installAndConnectSlack(tenant, admin, fake);
});

afterAll(async () => {
  forgetFakeSlack();
  await fake.close();
});

describe('signature checks', () => {
  const body = () => form({ team_id: 'T0CMD', user_id: 'U0ANN', text: 'goals' });

  it('refuses a missing signature, a wrong secret, a tampered body and a malformed header with 401, before any work', async () => {
    const calls = fake.calls.length;
    expect((await command(body(), { signature: null })).status).toBe(401);
    expect((await command(body(), { secret: 'not-the-secret' })).status).toBe(401);
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = slackSignature(fake.signingSecret, String(timestamp), body());
    const tampered = await command(body().replace('goals', 'log+Run'), { timestamp, signature: signed });
    expect(tampered.status).toBe(401);
    expect(tampered.body.detail).toMatch(/signature does not match/);
    expect((await command(body(), { signature: 'v0=short' })).status).toBe(401);
    expect(fake.calls.length).toBe(calls);
  });

  it('refuses a timestamp older than five minutes (a replay) even with a good signature, and one from the future', async () => {
    const old = await command(body(), { timestamp: Math.floor(Date.now() / 1000) - 5 * 60 - 5 });
    expect(old.status).toBe(401);
    expect(old.body.detail).toMatch(/older than five minutes/);
    expect((await command(body(), { timestamp: Math.floor(Date.now() / 1000) + 600 })).status).toBe(401);
    // Just inside the window is fine.
    expect((await command(body(), { timestamp: Math.floor(Date.now() / 1000) - 4 * 60 })).status).toBe(200);
  });

  it('is served on the root domain only', async () => {
    expect((await command(body(), { host: `${tenant.slug}.${ROOT}`, tenantId: tenant.id })).status).toBe(404);
  });
});

describe('commands', () => {
  it('goals: links the Slack user by verified email (case-insensitive) and lists their active goals, ephemerally', async () => {
    await createGoal(tenant, ann, { title: 'Ship <the> launch', targetDate: '2030-01-31' });
    const answer = await command(form({ team_id: 'T0CMD', user_id: 'U0ANN', text: 'goals' }));
    expect(answer.status).toBe(200);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.body.text).toContain('Your active goals:');
    expect(answer.body.text).toContain('|Ship &lt;the&gt; launch>: 0%, due 2030-01-31');
    const link = await db.slackUserLink.findFirstOrThrow({ where: { tenantId: tenant.id, slackUserId: 'U0ANN' } });
    expect(link.userId).toBe(ann.userId);
    // Linked once: the next command asks Slack nothing.
    const lookups = fake.calls.filter((call) => call.method === 'users.info').length;
    await command(form({ team_id: 'T0CMD', user_id: 'U0ANN', text: 'goals' }));
    expect(fake.calls.filter((call) => call.method === 'users.info').length).toBe(lookups);
  });

  it('log <habit>: logs the member’s habit today in their time zone (behind the workspace’s UTC here); twice says it is already logged; unknown names list theirs', async () => {
    await db.membership.update({ where: { id: ann.membershipId }, data: { timeZone: 'Pacific/Pago_Pago' } });
    const habit = await createHabit(tenant, ann, { name: 'Morning run', description: null, schedule: 'daily', scheduleDays: [], timesPerWeek: null });
    await createHabit(tenant, admin, { name: 'Morning swim', description: null, schedule: 'daily', scheduleDays: [], timesPerWeek: null });
    const logged = await command(form({ team_id: 'T0CMD', user_id: 'U0ANN', text: 'log  morning RUN ' }));
    expect(logged.body.text).toBe('Logged *Morning run* for today.');
    const log = await db.habitLog.findFirstOrThrow({ where: { habitId: habit.id } });
    expect(log.date.toISOString().slice(0, 10)).toBe(localDateIn('Pacific/Pago_Pago'));
    const again = await command(form({ team_id: 'T0CMD', user_id: 'U0ANN', text: 'log Morning run' }));
    expect(again.status).toBe(200);
    expect(again.body.text).toMatch(/already logged/);
    const unknown = await command(form({ team_id: 'T0CMD', user_id: 'U0ANN', text: 'log Morning swim' }));
    expect(unknown.body.text).toBe('You have no habit called “Morning swim”. Yours: Morning run.');
    const entry = await db.integrationLogEntry.findFirst({ where: { tenantId: tenant.id, kind: 'command' } });
    expect(entry?.message).toMatch(/^\/waypoint (goals|log) by /);
  });

  it('says what to do for an unknown Slack workspace, an unmatched user and an unknown command', async () => {
    expect((await command(form({ team_id: 'T0OTHER', user_id: 'U0ANN', text: 'goals' }))).body.text).toMatch(/not connected to Waypoint/);
    expect((await command(form({ team_id: 'T0CMD', user_id: 'U0NOBODY', text: 'goals' }))).body.text).toMatch(/could not match you/);
    expect((await command(form({ team_id: 'T0CMD', user_id: 'U0GHOST', text: 'goals' }))).body.text).toMatch(/could not match you/);
    for (const lookalike of ['U0WILD', 'U0UNDER']) expect((await command(form({ team_id: 'T0CMD', user_id: lookalike, text: 'goals' }))).body.text).toMatch(/could not match you/);
    const help = await command(form({ team_id: 'T0CMD', user_id: 'U0ANN', text: 'dance' }));
    expect(help.body.text).toMatch(/^I don’t know “dance”\. Try:/);
  });
});
