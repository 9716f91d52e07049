import { daysBetween } from '../../habits/local-date.ts';
import { endOfLocalDay, type InsightClock } from '../clock.ts';
import type { InsightDraft } from '../insight-types.ts';
import type { MilestoneInput } from '../rule-inputs.ts';

// "Milestone Draft the outline (Write a book) is due in 2 days." An open milestone of an
// active goal due today or within the next days; its goal's owner hears of it for a personal
// goal, its team for a team goal. One insight per milestone and due date (a new date, a new one).

/** Three days' notice: enough to act on, short enough to stay a short list. */
export const MILESTONE_DUE_WITHIN_DAYS = 3;

type Draft = Extract<InsightDraft, { kind: 'milestone_due_soon' }>;

export function milestonesDueSoon(milestones: readonly MilestoneInput[], clock: InsightClock): Draft[] {
  const { today, timeZone } = clock;
  const drafts: Draft[] = [];
  for (const milestone of milestones) {
    if (milestone.completed || !milestone.dueDate) continue;
    const daysLeft = daysBetween(today, milestone.dueDate);
    if (daysLeft < 0 || daysLeft > MILESTONE_DUE_WITHIN_DAYS) continue;
    drafts.push({
      kind: 'milestone_due_soon',
      key: `milestone_due_soon:${milestone.id}:${milestone.dueDate}`,
      userId: milestone.goalTeamId ? null : milestone.goalOwnerId,
      teamId: milestone.goalTeamId,
      subjectType: 'milestone',
      subjectId: milestone.id,
      data: { goalId: milestone.goalId, dueDate: milestone.dueDate, daysLeft, localDate: today },
      expiresAt: endOfLocalDay(timeZone, milestone.dueDate),
    });
  }
  return drafts;
}
