import { z } from 'zod';
import { goalDetailSchema, goalPageSchema, goalSummarySchema, type AssigneeRole, type GoalDetail, type GoalDueFilter, type GoalPage, type GoalSort, type GoalStatus, type GoalSummary } from '@/lib/goals/goal-schema';
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
  /** The goals page's paginated views (GoalPage, not GoalSummary[]). */
  pages: ['goals', 'page'] as const,
  page: (filters: GoalFilters) => ['goals', 'page', filters] as const,
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
  /** A measurable goal's target as typed; blank: none. */
  targetValue: string;
  unit: string;
}

/** A typed target → the API's number (blank clears it); text that is no number goes as is, for the server to say why. */
export function targetValueOf(text: string): number | string | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
}

function goalBody<F extends Partial<GoalFields>>(fields: F) {
  return fields.targetValue === undefined ? fields : { ...fields, targetValue: targetValueOf(fields.targetValue) };
}

export async function fetchGoals(filter: { status?: StatusFilter; teamId?: string }): Promise<GoalSummary[]> {
  const query = new URLSearchParams({ pageSize: '100' });
  if (filter.status && filter.status !== 'all') query.set('status', filter.status);
  if (filter.teamId) query.set('teamId', filter.teamId);
  return goalListSchema.parse(await api(`${base}?${query}`)).goals;
}

/** The goals page's filters as the URL and the UI hold them ('' = not filtered). */
export interface GoalFilters {
  q: string;
  status: StatusFilter;
  /** '', 'personal' or a team id */
  team: string;
  /** '' or 'me' */
  assignee: string;
  due: GoalDueFilter | '';
  sort: GoalSort;
  page: number;
}

/** The page's filters → the API's query (GET /api/app/goals). */
export function goalSearchParams(filters: GoalFilters): Record<string, string> {
  const query: Record<string, string> = { sort: filters.sort, page: String(filters.page) };
  if (filters.q) query.q = filters.q;
  if (filters.status !== 'all') query.status = filters.status;
  if (filters.team === 'personal') query.scope = 'personal';
  else if (filters.team) query.teamId = filters.team;
  if (filters.assignee) query.assignee = filters.assignee;
  if (filters.due) query.due = filters.due;
  return query;
}

export async function fetchGoalPage(filters: GoalFilters): Promise<GoalPage> {
  return goalPageSchema.parse(await api(`${base}?${new URLSearchParams(goalSearchParams(filters))}`));
}

export const fetchGoal = async (goalId: string) => detail(await api(path(goalId)));
export const postGoal = async (input: GoalFields & { teamId: string | null }) => detail(await api(base, { method: 'POST', json: goalBody(input) }));
export const patchGoal = async (goalId: string, patch: Partial<GoalFields>) => detail(await api(path(goalId), { method: 'PATCH', json: goalBody(patch) }));
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

const SORTS: GoalSort[] = ['due', 'newest', 'oldest', 'title', 'progress', 'updated'];
const DUES: GoalDueFilter[] = ['overdue', 'week', 'month', 'none'];
const STATUSES: StatusFilter[] = ['active', 'completed', 'archived', 'all'];

/** The goals page's URL → filters; unknown values fall back to the defaults (a page never 400s). */
export function parseGoalFilters(query: Record<string, string | string[] | undefined>): GoalFilters {
  const one = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');
  const page = Number.parseInt(one('page'), 10);
  return {
    q: one('q').trim().slice(0, 200),
    status: STATUSES.find((s) => s === one('status')) ?? 'active',
    team: one('team').slice(0, 50),
    assignee: one('assignee') === 'me' ? 'me' : '',
    due: DUES.find((d) => d === one('due')) ?? '',
    sort: SORTS.find((s) => s === one('sort')) ?? 'due',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}
