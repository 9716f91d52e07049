import type { Member } from '../auth/session.ts';
import { describeUserAgent, userAgentLabel } from '../auth/user-agent.ts';
import { activeSessions, endSessions } from '../auth/user-sessions.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { notFound } from '../http/problem.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import type { SessionView } from './account-schema.ts';

// A person's own browser sessions on this workspace: the account page lists them and ends any
// of them. Sessions on other workspaces belong to those workspaces' pages (each is its own
// brand, and says nothing about the others).

export async function listMySessions(tenant: TenantContext, member: Member): Promise<SessionView[]> {
  const rows = await activeSessions(member.userId, tenant.id);
  return rows.map((row) => {
    const { browser, os, device } = describeUserAgent(row.userAgent);
    return {
      id: row.id,
      label: userAgentLabel(row.userAgent),
      browser,
      system: os,
      device,
      ip: row.ip,
      method: row.method,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      current: row.id === member.sessionId,
    };
  });
}

/** Ends one of the member's sessions here (this one too: that signs them out); 404 for any other. */
export async function endMySession(tenant: TenantContext, member: Member, sessionId: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(sessionId)) throw notFound('No such session.');
  const ended = await tenantDb(tenant.id).$transaction((tx) => endSessions(tx, { userId: member.userId, sessionId }, 'ended_by_user'));
  if (ended === 0) throw notFound('No such session.');
}

/** Ends every session the member has here except the one making this request. */
export async function endMyOtherSessions(tenant: TenantContext, member: Member): Promise<{ ended: number }> {
  const ended = await tenantDb(tenant.id).$transaction((tx) => endSessions(tx, { userId: member.userId, exceptSessionId: member.sessionId ?? null }, 'ended_by_user'));
  return { ended };
}
