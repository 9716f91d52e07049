import type { TeamDetail, TeamRole, TeamSummary } from '@/lib/teams/team-schema';
import type { TeamSettings } from './team-requests';

// What a team change will most likely look like, shown while the server works; its answer
// (or a refetch) replaces the guess.

export const PENDING_PREFIX = 'pending-';

export function withJoined<T extends TeamSummary>(team: T): T {
  if (team.access.joinAction === 'request') {
    return { ...team, myPendingRequestId: `${PENDING_PREFIX}${Date.now()}`, access: { ...team.access, joinAction: null } };
  }
  return { ...team, myRole: 'member', memberCount: team.memberCount + 1, access: { ...team.access, joinAction: null, canLeave: true, canSeeGoals: true } };
}

export function withLeft<T extends TeamSummary>(team: T): T {
  const joinAction = team.visibility === 'private' ? null : team.joinApprovalRequired ? 'request' : 'join';
  return { ...team, myRole: null, memberCount: Math.max(0, team.memberCount - 1), access: { ...team.access, joinAction, canLeave: false } };
}

export function withRequestCancelled<T extends TeamSummary>(team: T): T {
  return { ...team, myPendingRequestId: null, access: { ...team.access, joinAction: 'request' } };
}

export function withSettings<T extends TeamSummary>(team: T, patch: Partial<TeamSettings>): T {
  return {
    ...team,
    ...patch,
    name: patch.name?.trim() || team.name,
    description: patch.description === undefined ? team.description : patch.description.trim() || null,
  };
}

export function withoutMember(team: TeamDetail, userId: string): TeamDetail {
  const members = team.members.filter((m) => m.userId !== userId);
  return { ...team, members, memberCount: members.length };
}

export function withMember(team: TeamDetail, person: { userId: string; name: string; email: string }, role: TeamRole): TeamDetail {
  if (team.members.some((m) => m.userId === person.userId)) return team;
  const members = [...team.members, { ...person, role, joinedAt: new Date().toISOString() }];
  return { ...team, members, memberCount: members.length };
}

export function withMemberRole(team: TeamDetail, userId: string, role: TeamRole): TeamDetail {
  return { ...team, members: team.members.map((m) => (m.userId === userId ? { ...m, role } : m)) };
}

export function withDecision(team: TeamDetail, requestId: string, status: 'approved' | 'rejected'): TeamDetail {
  const request = team.pendingRequests.find((r) => r.id === requestId);
  const rest = { ...team, pendingRequests: team.pendingRequests.filter((r) => r.id !== requestId) };
  return request && status === 'approved' ? withMember(rest, request, 'member') : rest;
}
