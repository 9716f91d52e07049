'use client';

import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { JoinResult, TeamDetail, TeamRole, TeamSummary } from '@/lib/teams/team-schema';
import { PENDING_PREFIX, withDecision, withJoined, withLeft, withMember, withMemberRole, withoutMember, withRequestCancelled, withSettings } from './team-optimistic';
import {
  cancelRequest,
  decideRequest,
  deleteMember,
  deleteTeam,
  patchMember,
  patchTeam,
  postJoin,
  postLeave,
  postMember,
  postTeam,
  teamKeys,
  type TeamSettings,
} from './team-requests';

// Mutations of the team caches (the list and each team's page), optimistic like the goal
// ones: onMutate changes the cache, onError restores the snapshot, onSettled refetches.
// Membership decides which goals one sees, so goal lists and the dashboard refresh too.

type Snapshot = [QueryKey, unknown][];

async function snapshot(client: QueryClient): Promise<Snapshot> {
  await client.cancelQueries({ queryKey: teamKeys.all });
  return client.getQueriesData({ queryKey: teamKeys.all });
}

function restore(client: QueryClient, saved: Snapshot | undefined): void {
  saved?.forEach(([key, data]) => client.setQueryData(key, data));
}

function refresh(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: teamKeys.all }),
    client.invalidateQueries({ queryKey: ['goals'] }),
    client.invalidateQueries({ queryKey: ['dashboard'] }),
  ]);
}

interface Optimistic<V> {
  /** Applied to the list row and the team page alike. */
  both?: <T extends TeamSummary>(team: T, vars: V) => T;
  /** Applied to the team page only (members, requests). */
  detail?: (team: TeamDetail, vars: V) => TeamDetail;
}

function useTeamMutation<V, R>(teamId: string, request: (vars: V) => Promise<R>, optimistic: Optimistic<V>, detailOf: (result: R) => TeamDetail | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onMutate: async (vars: V) => {
      const saved = await snapshot(client);
      const { both, detail } = optimistic;
      if (both) client.setQueryData<TeamSummary[]>(teamKeys.list, (rows) => rows?.map((row) => (row.id === teamId ? both(row, vars) : row)));
      client.setQueryData<TeamDetail>(teamKeys.detail(teamId), (team) => {
        if (!team) return team;
        const moved = both ? both(team, vars) : team;
        return detail ? detail(moved, vars) : moved;
      });
      return saved;
    },
    onError: (_error, _vars, saved) => restore(client, saved),
    onSuccess: (result) => {
      const team = detailOf(result);
      if (team) client.setQueryData(teamKeys.detail(teamId), team);
    },
    onSettled: () => refresh(client),
  });
}

const noDetail = () => null;
const sameDetail = (team: TeamDetail) => team;

export function useJoinTeam(teamId: string) {
  return useTeamMutation(teamId, () => postJoin(teamId), { both: (team) => withJoined(team) }, (result: JoinResult) => result.team);
}

export function useLeaveTeam(teamId: string, viewerId: string) {
  return useTeamMutation(teamId, () => postLeave(teamId), { both: (team) => withLeft(team), detail: (team) => withoutMember(team, viewerId) }, noDetail);
}

export function useCancelJoinRequest(teamId: string) {
  return useTeamMutation(teamId, (requestId: string) => cancelRequest(teamId, requestId), { both: (team) => withRequestCancelled(team) }, noDetail);
}

export function useDecideJoinRequest(teamId: string) {
  return useTeamMutation(
    teamId,
    ({ requestId, status }: { requestId: string; status: 'approved' | 'rejected' }) => decideRequest(teamId, requestId, status),
    { detail: (team, { requestId, status }) => withDecision(team, requestId, status) },
    sameDetail,
  );
}

export function useAddTeamMember(teamId: string) {
  return useTeamMutation(
    teamId,
    ({ person, role }: { person: { userId: string; name: string; email: string }; role: TeamRole }) => postMember(teamId, { userId: person.userId, role }),
    { detail: (team, { person, role }) => withMember(team, person, role) },
    sameDetail,
  );
}

export function useChangeTeamMemberRole(teamId: string) {
  return useTeamMutation(
    teamId,
    ({ userId, role }: { userId: string; role: TeamRole }) => patchMember(teamId, userId, role),
    { detail: (team, { userId, role }) => withMemberRole(team, userId, role) },
    sameDetail,
  );
}

export function useRemoveTeamMember(teamId: string) {
  return useTeamMutation(teamId, (userId: string) => deleteMember(teamId, userId), { detail: (team, userId) => withoutMember(team, userId) }, noDetail);
}

export function useUpdateTeam(teamId: string) {
  return useTeamMutation(teamId, (patch: Partial<TeamSettings>) => patchTeam(teamId, patch), { both: (team, patch) => withSettings(team, patch) }, sameDetail);
}

/** The new team shows at once at the top of the list, without actions until saved. */
export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: postTeam,
    onMutate: async (input: TeamSettings & { leadUserId: string | null }) => {
      const saved = await snapshot(client);
      const row: TeamSummary = {
        id: `${PENDING_PREFIX}${Date.now()}`,
        name: input.name.trim(),
        description: input.description.trim() || null,
        visibility: input.visibility,
        joinApprovalRequired: input.joinApprovalRequired,
        memberCanInvite: input.memberCanInvite,
        memberCount: input.leadUserId ? 1 : 0,
        myRole: null,
        myPendingRequestId: null,
        access: { canEdit: true, canManageMembers: true, canAddMembers: true, joinAction: null, canLeave: false, canSeeGoals: true },
      };
      client.setQueryData<TeamSummary[]>(teamKeys.list, (rows) => rows && [row, ...rows]);
      return saved;
    },
    onError: (_error, _input, saved) => restore(client, saved),
    onSettled: () => refresh(client),
  });
}

/** Removes the team from the list at once; the page moves away when the server agrees. */
export function useDeleteTeam(teamId: string, onDeleted: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => deleteTeam(teamId),
    onMutate: async () => {
      const saved = await snapshot(client);
      client.setQueryData<TeamSummary[]>(teamKeys.list, (rows) => rows?.filter((row) => row.id !== teamId));
      return saved;
    },
    onError: (_error, _vars, saved) => restore(client, saved),
    onSuccess: onDeleted,
    // The team's own page is gone: refresh the lists only, never refetch it.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: teamKeys.list }),
        client.invalidateQueries({ queryKey: ['goals'] }),
        client.invalidateQueries({ queryKey: ['dashboard'] }),
      ]),
  });
}
