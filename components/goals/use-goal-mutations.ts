'use client';

import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { AssigneeRole, GoalDetail, GoalSummary } from '@/lib/goals/goal-schema';
import {
  deleteAssignee,
  deleteGoal,
  deleteMilestone,
  goalKeys,
  patchAssignee,
  patchGoal,
  patchMilestone,
  postAssignee,
  postGoal,
  postMilestone,
  postProgress,
  postStatus,
  putMilestoneOrder,
  type GoalFields,
  type StatusAction,
} from './goal-requests';
import {
  PENDING_PREFIX,
  withAssignee,
  withAssigneeRole,
  withFields,
  withMilestoneDone,
  withMilestoneOrder,
  withoutAssignee,
  withoutMilestone,
  withProgress,
  withStatus,
} from './optimistic';

// Mutations of the goal caches (the lists and each goal's page). Each is optimistic:
// onMutate changes the cached goal everywhere it appears, onError puts the snapshot back,
// onSettled refetches what the server now says. The dashboard and team pages show goals
// too, so they are refreshed as well.

type Snapshot = [QueryKey, unknown][];

async function snapshot(client: QueryClient): Promise<Snapshot> {
  await client.cancelQueries({ queryKey: goalKeys.all });
  return client.getQueriesData({ queryKey: goalKeys.all });
}

function restore(client: QueryClient, saved: Snapshot | undefined): void {
  saved?.forEach(([key, data]) => client.setQueryData(key, data));
}

function refresh(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: goalKeys.all }),
    client.invalidateQueries({ queryKey: ['dashboard'] }),
    client.invalidateQueries({ queryKey: ['teams'] }),
  ]);
}

interface Optimistic<V> {
  detail: (detail: GoalDetail, vars: V) => GoalDetail;
  /** How list rows change too, when they show what changes. */
  summary?: (summary: GoalSummary, vars: V) => GoalSummary;
}

function useGoalMutation<V>(goalId: string, request: (vars: V) => Promise<GoalDetail>, optimistic: Optimistic<V>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onMutate: async (vars: V) => {
      const saved = await snapshot(client);
      client.setQueryData<GoalDetail>(goalKeys.detail(goalId), (detail) => detail && optimistic.detail(detail, vars));
      const summary = optimistic.summary;
      if (summary) client.setQueriesData<GoalSummary[]>({ queryKey: goalKeys.lists }, (rows) => rows?.map((row) => (row.id === goalId ? summary(row, vars) : row)));
      return saved;
    },
    onError: (_error, _vars, saved) => restore(client, saved),
    onSuccess: (detail) => client.setQueryData(goalKeys.detail(goalId), detail),
    onSettled: () => refresh(client),
  });
}

export function useUpdateProgress(goalId: string) {
  return useGoalMutation(goalId, (vars: { progress: number; note: string }) => postProgress(goalId, vars), {
    detail: (detail, { progress }) => withProgress(detail, progress),
    summary: (summary, { progress }) => withProgress(summary, progress),
  });
}

export function useGoalStatus(goalId: string, viewerId: string) {
  return useGoalMutation(goalId, (action: StatusAction) => postStatus(goalId, action), {
    detail: (detail, action) => withStatus(detail, action, viewerId),
    summary: (summary, action) => withStatus(summary, action, viewerId),
  });
}

export function useEditGoal(goalId: string) {
  return useGoalMutation(goalId, (patch: Partial<GoalFields>) => patchGoal(goalId, patch), {
    detail: (detail, patch) => withFields(detail, patch),
    summary: (summary, patch) => withFields(summary, patch),
  });
}

export function useAddMilestone(goalId: string) {
  return useGoalMutation(goalId, (input: { title: string; dueDate: string }) => postMilestone(goalId, input), {
    detail: (detail, input) => ({
      ...detail,
      milestoneList: [
        ...detail.milestoneList,
        { id: `${PENDING_PREFIX}${Date.now()}`, title: input.title.trim(), dueDate: input.dueDate || null, position: detail.milestoneList.length, completedAt: null },
      ],
      milestones: { ...detail.milestones, total: detail.milestones.total + 1 },
    }),
  });
}

export function useToggleMilestone(goalId: string) {
  return useGoalMutation(goalId, ({ milestoneId, completed }: { milestoneId: string; completed: boolean }) => patchMilestone(goalId, milestoneId, { completed }), {
    detail: (detail, { milestoneId, completed }) => withMilestoneDone(detail, milestoneId, completed),
  });
}

export function useRemoveMilestone(goalId: string) {
  return useGoalMutation(goalId, (milestoneId: string) => deleteMilestone(goalId, milestoneId), { detail: withoutMilestone });
}

export function useReorderMilestones(goalId: string) {
  return useGoalMutation(goalId, (ids: string[]) => putMilestoneOrder(goalId, ids), { detail: withMilestoneOrder });
}

export function useAddAssignee(goalId: string) {
  return useGoalMutation(goalId, (input: { userId: string; role: AssigneeRole }) => postAssignee(goalId, input), {
    detail: (detail, { userId, role }) => withAssignee(detail, userId, role),
  });
}

export function useChangeAssigneeRole(goalId: string) {
  return useGoalMutation(goalId, ({ userId, role }: { userId: string; role: AssigneeRole }) => patchAssignee(goalId, userId, role), {
    detail: (detail, { userId, role }) => withAssigneeRole(detail, userId, role),
  });
}

export function useRemoveAssignee(goalId: string) {
  return useGoalMutation(goalId, (userId: string) => deleteAssignee(goalId, userId), { detail: withoutAssignee });
}

/** The new goal shows at once in the lists it belongs to, as a row without actions until saved. */
export function useCreateGoal(placeholder: (input: GoalFields & { teamId: string | null }) => GoalSummary) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: postGoal,
    onMutate: async (input: GoalFields & { teamId: string | null }) => {
      const saved = await snapshot(client);
      const row = placeholder(input);
      const keys: QueryKey[] = [goalKeys.list('active'), goalKeys.list('all'), ...(input.teamId ? [goalKeys.team(input.teamId)] : [])];
      for (const key of keys) client.setQueryData<GoalSummary[]>(key, (rows) => rows && [row, ...rows]);
      return saved;
    },
    onError: (_error, _input, saved) => restore(client, saved),
    onSettled: () => refresh(client),
  });
}

/** Removes the goal from every list at once; the page moves away when the server agrees. */
export function useDeleteGoal(goalId: string, onDeleted: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => deleteGoal(goalId),
    onMutate: async () => {
      const saved = await snapshot(client);
      client.setQueriesData<GoalSummary[]>({ queryKey: goalKeys.lists }, (rows) => rows?.filter((row) => row.id !== goalId));
      return saved;
    },
    onError: (_error, _vars, saved) => restore(client, saved),
    onSuccess: onDeleted,
    // The goal's own page is gone: refresh the lists only, never refetch it.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: goalKeys.lists }),
        client.invalidateQueries({ queryKey: goalKeys.pages }),
        client.invalidateQueries({ queryKey: ['dashboard'] }),
        client.invalidateQueries({ queryKey: ['teams'] }),
      ]),
  });
}
