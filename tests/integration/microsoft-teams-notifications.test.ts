import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../lib/auth/session.ts';
import { db } from '../../lib/db/client.ts';
import { completeGoal } from '../../lib/goals/goal-status.ts';
import { createGoal } from '../../lib/goals/goals.ts';
import { dispatchToIntegrations } from '../../lib/integrations/dispatch.ts';
import { installIntegration } from '../../lib/integrations/installations.ts';
import { addTeamsChannel } from '../../lib/integrations/microsoft-teams/teams-routes.ts';
import { sendNotification } from '../../lib/integrations/notifications/send-notification.ts';
import { sendDigestsFor } from '../../lib/integrations/notifications/weekly-digest.ts';
import { createTeam } from '../../lib/teams/teams.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { memberIn, workspace } from '../support/workspace.ts';

// Teams through the shared notifications pipeline: a domain event is dispatched to the
// installed integration (twice, as a retried job would), routed to the channel's route,
// queued once, and sent by the Teams sender as an Adaptive Card to a local receiver standing
// in for the channel's Workflows webhook; the weekly digest goes the same way; a 429 waits.

process.env.WEBHOOKS_ALLOW_LOCALHOST = 'true';

let receiver: WebhookReceiver;
let tenant: TenantContext;
let admin: Member;
let ann: Member;
let teamId: string;

type Card = { type: string; attachments: { contentType: string; content: { body: { type: string; text?: string; facts?: { title: string; value: string }[] }[]; actions?: { url: string }[]; fallbackText: string } }[] };
const cardsAt = (path: string): Card[] => receiver.on(path, { ok: true }).map((request) => JSON.parse(request.body) as Card);

async function eventsOf(type: string): Promise<string[]> {
  return (await db.domainEvent.findMany({ where: { tenantId: tenant.id, type }, orderBy: { occurredAt: 'asc' }, select: { id: true } })).map((row) => row.id);
}

async function deliver(eventIds: string[]): Promise<string[]> {
  for (const eventId of eventIds) {
    await dispatchToIntegrations(eventId);
    await dispatchToIntegrations(eventId);
  }
  const pending = await db.integrationMessage.findMany({ where: { tenantId: tenant.id, status: 'pending' }, select: { id: true } });
  const outcomes: string[] = [];
  for (const { id } of pending) outcomes.push(await sendNotification(id));
  return outcomes;
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  tenant = await workspace();
  admin = await memberIn(tenant, 'admin');
  ann = await memberIn(tenant);
  teamId = (await createTeam(tenant, admin, { name: 'Runners', leadUserId: ann.userId })).id;
  await installIntegration(tenant, admin, 'microsoft-teams');
});

afterAll(() => receiver.close());

describe('Teams notifications', () => {
  it('a completed team goal becomes one Adaptive Card in the channel, even when its event is dispatched twice', async () => {
    await addTeamsChannel(tenant, admin, { channelName: 'Wins', webhookUrl: receiver.url('/teams/wins'), events: ['goal_completed'], teamId: null });
    const goal = await createGoal(tenant, ann, { title: 'Run 500 km [together]', teamId });
    await completeGoal(tenant, ann, goal.id);
    expect(await deliver(await eventsOf('goal.completed'))).toEqual(['sent']);
    const cards = cardsAt('/teams/wins');
    expect(cards).toHaveLength(1);
    const card = cards[0].attachments[0].content;
    expect(cards[0].attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.body[1].text).toBe('Goal completed: Run 500 km \\[together\\]');
    expect(card.body[2].facts).toEqual(expect.arrayContaining([{ title: 'Team', value: 'Runners' }]));
    expect(card.actions?.[0].url).toBe(`http://${tenant.slug}.localhost:3100/goals/${goal.id}`);
    expect(card.fallbackText).toContain('Run 500 km [together]');
    // Nothing more on another round.
    await deliver(await eventsOf('goal.completed'));
    expect(cardsAt('/teams/wins')).toHaveLength(1);
  });

  it('a 429 leaves the message pending with a retry after Retry-After; the retry sends it', async () => {
    let calls = 0;
    receiver.respond('/teams/busy', () => (++calls === 1 ? { status: 429, headers: { 'retry-after': '90' } } : { status: 202 }));
    await addTeamsChannel(tenant, admin, { channelName: 'Busy', webhookUrl: receiver.url('/teams/busy'), events: ['goal_completed'], teamId });
    const goal = await createGoal(tenant, ann, { title: 'Second goal', teamId });
    await completeGoal(tenant, ann, goal.id);
    const [eventId] = (await eventsOf('goal.completed')).slice(-1);
    await dispatchToIntegrations(eventId);
    const busy = await db.integrationChannelRoute.findFirstOrThrow({ where: { tenantId: tenant.id, channelName: 'Busy' } });
    const row = await db.integrationMessage.findUniqueOrThrow({ where: { dedupeKey: `${eventId}:${busy.id}` } });
    expect(await sendNotification(row.id)).toBe('retry_scheduled');
    expect(await db.integrationMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('Teams answered 429') });
    const log = await db.integrationLogEntry.findFirst({ where: { tenantId: tenant.id, kind: 'notification', level: 'warning' }, orderBy: { createdAt: 'desc' } });
    expect(log?.detail).toMatchObject({ retryAfterSeconds: 90 });
    expect(await sendNotification(row.id)).toBe('sent');
    expect(await sendNotification(row.id)).toBe('skipped');
    expect(cardsAt('/teams/busy')).toHaveLength(1);
  });

  it('the weekly digest goes to digest channels as a card with the team’s goals', async () => {
    await addTeamsChannel(tenant, admin, { channelName: 'Runners digest', webhookUrl: receiver.url('/teams/digest'), events: ['weekly_digest'], teamId });
    await createGoal(tenant, ann, { title: 'Read 12 books', teamId });
    const monday = new Date('2026-12-07T09:00:00Z');
    expect(await sendDigestsFor(tenant, monday)).toBe(1);
    expect(await sendDigestsFor(tenant, monday)).toBe(1);
    const digests = await db.integrationMessage.findMany({ where: { tenantId: tenant.id, dedupeKey: { startsWith: 'digest:' } } });
    expect(digests).toHaveLength(1);
    expect(await sendNotification(digests[0].id)).toBe('sent');
    const [digest] = cardsAt('/teams/digest');
    const texts = digest.attachments[0].content.body.map((block) => block.text ?? '');
    expect(texts[1]).toBe('Weekly digest: Runners');
    expect(texts.some((text) => text.startsWith('• [Read 12 books: 0%]('))).toBe(true);
  });
});
