import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Member } from '../../auth/session.ts';
import { tenantOrigin } from '../../config/env.ts';
import { encryptSecret } from '../../crypto/encrypt-secret.ts';
import { db } from '../../db/client.ts';
import { notFound, parseInput, validationFailed } from '../../http/problem.ts';
import { assertCan } from '../../members/permissions.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { requireInstallation } from '../installations.ts';
import { NOTIFICATION_EVENTS, type NotificationEvent, type NotificationMessage } from '../notifications/notification-message.ts';
import { ProviderError } from '../provider-error.ts';
import { teamsSender } from './teams-sender.ts';
import { vetTeamsWebhookUrl, WEBHOOK_URL_MAX, webhookHint } from './webhook-url.ts';

// Admins map Teams channels (each an incoming webhook URL) to notifications. One row per
// channel and notification kind (IntegrationChannelRoute.event), optionally limited to one
// team; adding a channel with several kinds writes one row each, the URL encrypted in each.

export interface TeamsRouteView {
  id: string;
  event: NotificationEvent;
  teamId: string | null;
  teamName: string | null;
  channelName: string;
  /** Host and last characters of the URL; the URL itself is a secret. */
  webhookHint: string;
  createdAt: string;
}

export const teamsRouteInput = z
  .object({
    channelName: z.string().trim().min(1, 'Name the channel.').max(80, 'Use at most 80 characters.'),
    webhookUrl: z.string().trim().min(1, 'Paste the webhook URL from Teams.').max(WEBHOOK_URL_MAX, `Use at most ${WEBHOOK_URL_MAX} characters.`),
    events: z.array(z.enum(NOTIFICATION_EVENTS)).min(1, 'Choose at least one notification.').max(NOTIFICATION_EVENTS.length),
    teamId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).nullable().default(null),
  })
  .strict();

const actorOf = (member: Member) => ({ id: member.userId, email: member.email });

async function views(tenantId: string, where: { installationId: string; id?: { in: string[] } }): Promise<TeamsRouteView[]> {
  const rows = await db.integrationChannelRoute.findMany({ where: { tenantId, ...where }, orderBy: [{ channelName: 'asc' }, { createdAt: 'asc' }] });
  const teamIds = [...new Set(rows.map((row) => row.teamId).filter((id): id is string => id !== null))];
  const teams = new Map((await db.team.findMany({ where: { tenantId, id: { in: teamIds } }, select: { id: true, name: true } })).map((team) => [team.id, team.name]));
  return rows.map((row) => ({
    id: row.id,
    event: row.event as NotificationEvent,
    teamId: row.teamId,
    teamName: row.teamId ? (teams.get(row.teamId) ?? null) : null,
    channelName: row.channelName,
    webhookHint: webhookHint(row.webhookUrlEncrypted),
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function listTeamsRoutes(tenant: TenantContext, member: Member): Promise<TeamsRouteView[]> {
  assertCan(member.role, 'integrations.manage');
  const installation = await requireInstallation(tenant.id, 'microsoft-teams');
  return views(tenant.id, { installationId: installation.id });
}

/** Teams of the workspace a channel may be limited to, for the form. */
export async function teamChoices(tenantId: string): Promise<{ id: string; name: string }[]> {
  return db.team.findMany({ where: { tenantId }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

export async function addTeamsChannel(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<TeamsRouteView[]> {
  assertCan(member.role, 'integrations.manage');
  const data = parseInput(teamsRouteInput, input);
  const installation = await requireInstallation(tenant.id, 'microsoft-teams');
  await vetTeamsWebhookUrl(data.webhookUrl);
  if (data.teamId && !(await db.team.findFirst({ where: { id: data.teamId, tenantId: tenant.id }, select: { id: true } }))) {
    throw validationFailed({ teamId: 'No such team in this workspace.' });
  }
  const events = [...new Set(data.events)];
  const ids = await db.$transaction(async (tx) => {
    const created = [];
    for (const event of events) {
      created.push(
        await tx.integrationChannelRoute.create({
          data: { tenantId: tenant.id, installationId: installation.id, event, teamId: data.teamId, channelName: data.channelName, webhookUrlEncrypted: encryptSecret(data.webhookUrl) },
          select: { id: true },
        }),
      );
    }
    // The URL is a credential: the audit log names the channel and its host only.
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: actorOf(member),
      action: 'integration.channel_added',
      target: { type: 'integration', id: 'microsoft-teams' },
      ip,
      metadata: { channelName: data.channelName, host: new URL(data.webhookUrl).host, events, teamId: data.teamId },
    });
    return created.map((row) => row.id);
  });
  return views(tenant.id, { installationId: installation.id, id: { in: ids } });
}

async function ownRoute(tenant: TenantContext, routeId: string) {
  const installation = await requireInstallation(tenant.id, 'microsoft-teams');
  const route = await db.integrationChannelRoute.findFirst({ where: { id: routeId, tenantId: tenant.id, installationId: installation.id } });
  if (!route) throw notFound('No such Teams channel route.');
  return route;
}

export async function removeTeamsRoute(tenant: TenantContext, member: Member, routeId: string, ip: string | null = null): Promise<void> {
  assertCan(member.role, 'integrations.manage');
  const route = await ownRoute(tenant, routeId);
  await db.$transaction(async (tx) => {
    await tx.integrationChannelRoute.delete({ where: { id: route.id } });
    await recordAudit(tx, { tenantId: tenant.id, actor: actorOf(member), action: 'integration.channel_removed', target: { type: 'integration', id: 'microsoft-teams' }, ip, metadata: { channelName: route.channelName, event: route.event } });
  });
}

/** Sends a sample card to the route's channel now, so an admin sees the URL works. */
export async function sendTeamsTest(tenant: TenantContext, member: Member, routeId: string): Promise<{ delivered: boolean; error: string | null }> {
  assertCan(member.role, 'integrations.manage');
  const route = await ownRoute(tenant, routeId);
  const message: NotificationMessage = {
    event: route.event as NotificationEvent,
    teamId: route.teamId,
    title: `Test from ${tenant.name}`,
    text: `Test from ${tenant.name}: this channel is connected.`,
    fields: [{ label: 'Channel', value: route.channelName }],
    items: [],
    link: { label: 'Open the integration', url: `${tenantOrigin(tenant.slug)}/integrations/microsoft-teams` },
    brand: { name: tenant.name, accentColor: tenant.branding.accentColor },
  };
  try {
    await teamsSender.send({ route, message });
    return { delivered: true, error: null };
  } catch (error) {
    if (error instanceof ProviderError) return { delivered: false, error: error.message };
    throw error;
  }
}
