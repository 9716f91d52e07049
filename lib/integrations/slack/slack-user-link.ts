import type { Member } from '../../auth/session.ts';
import { db } from '../../db/client.ts';
import type { IntegrationConnection } from '../../db/generated/client.ts';
import { ProviderError } from '../provider-error.ts';
import { accessTokenFor } from '../connections.ts';
import { slackCall, slackClient } from './slack-client.ts';

// Which member a Slack user is, for /waypoint: linked once by email (users.info, with the
// users:read.email scope) to a member of the workspace whose address is verified, then
// remembered in SlackUserLink. A link to someone who has since left the workspace is dropped.

export interface LinkedMember extends Member {
  timeZone: string;
}

async function memberById(tenantId: string, userId: string): Promise<LinkedMember | null> {
  const membership = await db.membership.findFirst({ where: { tenantId, userId }, include: { user: true, tenant: { select: { timeZone: true } } } });
  if (!membership) return null;
  return { userId, email: membership.user.email, name: membership.user.name, role: membership.role, membershipId: membership.id, timeZone: membership.timeZone ?? membership.tenant.timeZone };
}

/** The member behind a Slack user in this connection's workspace, or null when none matches. */
export async function memberForSlackUser(connection: IntegrationConnection, slackUserId: string): Promise<LinkedMember | null> {
  const link = await db.slackUserLink.findUnique({ where: { connectionId_slackUserId: { connectionId: connection.id, slackUserId } } });
  if (link) {
    const member = await memberById(connection.tenantId, link.userId);
    if (member) return member;
    await db.slackUserLink.deleteMany({ where: { id: link.id } });
  }
  const token = await accessTokenFor(connection);
  let email: string | undefined;
  try {
    const result = await slackCall('users.info', () => slackClient(token).users.info({ user: slackUserId }));
    email = result.user?.profile?.email;
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'not_found') return null;
    throw error;
  }
  if (!email) return null;
  const membership = await db.membership.findFirst({
    // Addresses are stored lower-cased. (Prisma's insensitive equals is ILIKE, where a Slack
    // address with % or _ in it would match somebody else's.)
    where: { tenantId: connection.tenantId, user: { email: email.trim().toLowerCase(), emailVerifiedAt: { not: null } } },
    select: { userId: true },
  });
  if (!membership) return null;
  await db.slackUserLink.upsert({
    where: { connectionId_slackUserId: { connectionId: connection.id, slackUserId } },
    create: { tenantId: connection.tenantId, connectionId: connection.id, slackUserId, userId: membership.userId },
    update: { userId: membership.userId },
  });
  return memberById(connection.tenantId, membership.userId);
}
