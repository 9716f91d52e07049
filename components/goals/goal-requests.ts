import { z } from 'zod';
import { goalDetailSchema, goalSummarySchema, type AssigneeRole, type GoalDetail, type GoalStatus, type GoalSummary } from '@/lib/goals/goal-schema';
import { api } from '@/lib/http/api-client';

// The browser's calls to the goal routes. Answers are parsed with the schemas the server
// builds them from, so a drift between the two fails here, loudly.

export type StatusFilter = GoalStatus | 'all';
export type StatusAction = 'complete' | 'reopen' | 'archive' | 'unarchive';

export const goalKeys = {
  all: ['goals'] as const,
  lists: ['goals', 'list'] as const,
  list: (status: StatusFilter) => ['goals', 'list', status] as const,
  team: (teamId: string) => ['goals', 'list', 'team', teamId] as const,
  detail: (goalId: string) => ['goals', 'detail', goalId] as const,
};

const base = '/api/app/goals';
const path = (goalId: string, ...rest: string[]) => [base, goalId, ...rest].map((part, i) => (i === 0 ? part : encodeURIComponent(part))).join('/');
const goalListSchema = z.object({ goals: z.array(goalSummarySchema) });
const detail = (answer: unknown): GoalDetail => goalDetailSchema.parse(answer);

export interface GoalFields {
  title: string;
  description: string;
  targetDate: string;
}

export async function fetchGoals(filter: { status?: StatusFilter; teamId?: string }): Promise<GoalSummary[]> {
  const query = new URLSearchParams();
  if (filter.status && filter.status !== 'all') query.set('status', filter.status);
  if (filter.teamId) query.set('teamId', filter.teamId);
  return goalListSchema.parse(await api(`${base}?${query}`)).goals;
}

export const fetchGoal = async (goalId: string) => detail(await api(path(goalId)));
export const postGoal = async (input: GoalFields & { teamId: string | null }) => detail(await api(base, { method: 'POST', json: input }));
export const patchGoal = async (goalId: string, patch: Partial<GoalFields>) => detail(await api(path(goalId), { method: 'PATCH', json: patch }));
export const deleteGoal = (goalId: string) => api<void>(path(goalId), { method: 'DELETE' });
export const postProgress = async (goalId: string, input: { progress: number; note: string }) => detail(await api(path(goalId, 'progress'), { method: 'POST', json: input }));
export const postStatus = async (goalId: string, action: StatusAction) => detail(await api(path(goalId, action), { method: 'POST' }));

export const postMilestone = async (goalId: string, input: { title: string; dueDate: string }) => detail(await api(path(goalId, 'milestones'), { method: 'POST', json: input }));
export const patchMilestone = async (goalId: string, milestoneId: string, patch: { completed?: boolean; title?: string; dueDate?: string }) =>
  detail(await api(path(goalId, 'milestones', milestoneId), { method: 'PATCH', json: patch }));
export const deleteMilestone = async (goalId: string, milestoneId: string) => detail(await api(path(goalId, 'milestones', milestoneId), { method: 'DELETE' }));
export const putMilestoneOrder = async (goalId: string, ids: string[]) => detail(await api(path(goalId, 'milestones', 'order'), { method: 'PUT', json: { ids } }));

export const postAssignee = async (goalId: string, input: { userId: string; role: AssigneeRole }) => detail(await api(path(goalId, 'assignees'), { method: 'POST', json: input }));
export const patchAssignee = async (goalId: string, userId: string, role: AssigneeRole) => detail(await api(path(goalId, 'assignees', userId), { method: 'PATCH', json: { role } }));
export const deleteAssignee = async (goalId: string, userId: string) => detail(await api(path(goalId, 'assignees', userId), { method: 'DELETE' }));
