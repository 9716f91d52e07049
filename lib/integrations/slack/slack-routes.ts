import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Member } from '../../auth/session.ts';
import { db } from '../../db/client.ts';
import { tenantDb } from '../../db/tenant-db.ts';
import { forbidden, parseInput, validationFailed } from '../../http/problem.ts';
import { can } from '../../members/permissions.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { requireInstallation } from '../installations.ts';
import { NOTIFICATION_EVENTS } from '../notifications/notification-message.ts';
import { listSlackChannels } from './slack-channels.ts';

// Which Slack channel hears about what: an admin maps each kind of notification to channels,
// optionally for one team only. The mapping is saved whole (the form shows all of it), checked
// against the channels Slack lists now and the workspace's teams, and audited.

export const MAX_ROUTES = 50;

export const slackRoutesSchema = z.object({
  routes: z
    .array(
      z.object({
        event: z.enum(NOTIFICATION_EVENTS),
        channelId: z.string().trim().regex(/^[A-Z0-9]{2,30}$/, 'Pick a channel from the list.'),
        teamId: z.string().trim().min(1).max(64).nullable().optional(),
      }),
    )
    .max(MAX_ROUTES, `At most ${MAX_ROUTES} mappings.`),
});

export interface SlackRouteView {
  id: string;
  event: (typeof NOTIFICATION_EVENTS)[number];
  channelId: string;
  channelName: string;
  teamId: string | null;
}

function assertAdmin(member: Member): void {
  if (!can(member.role, 'integrations.manage')) throw forbidden('Only admins map Slack channels.');
}

export async function listSlackRoutes(tenant: TenantContext, member: Member): Promise<SlackRouteView[]> {
  assertAdmin(member);
  const installation = await requireInstallation(tenant.id, 'slack');
  const rows = await db.integrationChannelRoute.findMany({ where: { tenantId: tenant.id, installationId: installation.id }, orderBy: [{ event: 'asc' }, { channelName: 'asc' }] });
  return rows.map((row) => ({ id: row.id, event: row.event as SlackRouteView['event'], channelId: row.channelId ?? '', channelName: row.channelName, teamId: row.teamId }));
}

/** Replaces the workspace's Slack mapping with `input.routes`. */
export async function saveSlackRoutes(tenant: TenantContext, member: Member, input: unknown, ip: string | null = null): Promise<SlackRouteView[]> {
  assertAdmin(member);
  const { routes } = parseInput(slackRoutesSchema, input);
  const installation = await requireInstallation(tenant.id, 'slack');
  const wanted = new Map<string, { event: SlackRouteView['event']; channelId: string; teamId: string | null }>();
  for (const route of routes) wanted.set(`${route.event}|${route.channelId}|${route.teamId ?? ''}`, { event: route.event, channelId: route.channelId, teamId: route.teamId ?? null });

  const channels = new Map((await listSlackChannels(tenant.id)).map((channel) => [channel.id, channel]));
  const teamIds = [...new Set(routes.map((route) => route.teamId).filter((teamId): teamId is string => Boolean(teamId)))];
  const teams = new Set((await tenantDb(tenant.id).team.findMany({ where: { id: { in: teamIds } }, select: { id: true } })).map((team) => team.id));
  const fields: Record<string, string> = {};
  routes.forEach((route, index) => {
    if (!channels.has(route.channelId)) fields[`routes.${index}.channelId`] = 'This channel is not in Slack’s list (archived, deleted, or private without the bot): pick another.';
    if (route.teamId && !teams.has(route.teamId)) fields[`routes.${index}.teamId`] = 'There is no such team in this workspace.';
  });
  if (Object.keys(fields).length) throw validationFailed(fields);

  await db.$transaction(async (tx) => {
    await tx.integrationChannelRoute.deleteMany({ where: { tenantId: tenant.id, installationId: installation.id } });
    await tx.integrationChannelRoute.createMany({
      data: [...wanted.values()].map((route) => ({ tenantId: tenant.id, installationId: installation.id, event: route.event, teamId: route.teamId, channelId: route.channelId, channelName: channels.get(route.channelId)!.name })),
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { id: member.userId, email: member.email },
      action: 'integration.routes_updated',
      target: { type: 'integration', id: 'slack' },
      ip,
      metadata: { routes: [...wanted.values()].map((route) => ({ event: route.event, channel: channels.get(route.channelId)!.name, teamId: route.teamId })) },
    });
  });
  return listSlackRoutes(tenant, member);
}
