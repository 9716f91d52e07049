import type { AssigneeRole, GoalDetail, GoalSummary } from '@/lib/goals/goal-schema';
import { targetValueOf, type GoalFields, type StatusAction } from './goal-requests';

// What a change will most likely do to a goal, shown at once while the server works; its
// answer (or a refetch) replaces the guess. Contributions are left to the server: they
// depend on every entry, and the answer comes a moment later.

/** Temporary ids of rows shown before the server has answered; they take no actions yet. */
export const PENDING_PREFIX = 'pending-';

export function withProgress<T extends GoalSummary>(goal: T, progress: number): T {
  return { ...goal, progress };
}

export function withStatus<T extends GoalSummary>(goal: T, action: StatusAction, userId: string): T {
  switch (action) {
    case 'complete':
      return { ...goal, status: 'completed', progress: 100, completedAt: new Date().toISOString(), completedById: userId };
    case 'reopen':
      return { ...goal, status: 'active', completedAt: null, completedById: null, completedByName: null };
    case 'archive':
      return { ...goal, status: 'archived' };
    case 'unarchive':
      return { ...goal, status: goal.completedAt ? 'completed' : 'active' };
  }
}

export function withFields<T extends GoalSummary>(goal: T, patch: Partial<GoalFields>): T {
  return {
    ...goal,
    title: patch.title?.trim() || goal.title,
    description: patch.description === undefined ? goal.description : patch.description.trim() || null,
    targetDate: patch.targetDate === undefined ? goal.targetDate : patch.targetDate || null,
    ...targetOf(goal, patch),
  };
}

/** The target and unit a patch will most likely leave; progress waits for the server (it follows the measurements). */
function targetOf(goal: GoalSummary, patch: Partial<GoalFields>): Pick<GoalSummary, 'targetValue' | 'unit'> {
  const typed = patch.targetValue === undefined ? goal.targetValue : targetValueOf(patch.targetValue);
  const targetValue = typeof typed === 'string' ? goal.targetValue : typed;
  const unit = targetValue === null ? null : patch.unit === undefined ? goal.unit : patch.unit.trim() || null;
  return { targetValue, unit };
}

function countMilestones(detail: GoalDetail): GoalDetail {
  const list = detail.milestoneList;
  return { ...detail, milestones: { completed: list.filter((m) => m.completedAt !== null).length, total: list.length } };
}

export function withMilestoneDone(detail: GoalDetail, milestoneId: string, completed: boolean): GoalDetail {
  const milestoneList = detail.milestoneList.map((m) => (m.id === milestoneId ? { ...m, completedAt: completed ? new Date().toISOString() : null } : m));
  return countMilestones({ ...detail, milestoneList });
}

export function withoutMilestone(detail: GoalDetail, milestoneId: string): GoalDetail {
  return countMilestones({ ...detail, milestoneList: detail.milestoneList.filter((m) => m.id !== milestoneId) });
}

export function withMilestoneOrder(detail: GoalDetail, ids: string[]): GoalDetail {
  const byId = new Map(detail.milestoneList.map((m) => [m.id, m]));
  const milestoneList = ids.flatMap((id, position) => {
    const milestone = byId.get(id);
    return milestone ? [{ ...milestone, position }] : [];
  });
  return { ...detail, milestoneList };
}

/** The ids with the one at `index` swapped with its neighbour (-1 up, +1 down). */
export function moved(ids: string[], index: number, step: -1 | 1): string[] {
  const target = index + step;
  if (target < 0 || target >= ids.length) return ids;
  const next = [...ids];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

export function withAssignee(detail: GoalDetail, userId: string, role: AssigneeRole): GoalDetail {
  const person = detail.assignableMembers.find((m) => m.userId === userId);
  if (!person) return detail;
  return {
    ...detail,
    assignees: [...detail.assignees, { ...person, role }],
    assignableMembers: detail.assignableMembers.filter((m) => m.userId !== userId),
  };
}

export function withAssigneeRole(detail: GoalDetail, userId: string, role: AssigneeRole): GoalDetail {
  return { ...detail, assignees: detail.assignees.map((a) => (a.userId === userId ? { ...a, role } : a)) };
}

export function withoutAssignee(detail: GoalDetail, userId: string): GoalDetail {
  const gone = detail.assignees.find((a) => a.userId === userId);
  return {
    ...detail,
    assignees: detail.assignees.filter((a) => a.userId !== userId),
    assignableMembers: gone ? [...detail.assignableMembers, { userId: gone.userId, name: gone.name }] : detail.assignableMembers,
  };
}
