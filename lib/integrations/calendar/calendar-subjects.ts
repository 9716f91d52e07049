import { createHash } from 'node:crypto';
import type { Member } from '../../auth/session.ts';
import { term } from '../../branding/terminology.ts';
import { tenantOrigin } from '../../config/env.ts';
import type { Prisma } from '../../db/generated/client.ts';
import { tenantDb } from '../../db/tenant-db.ts';
import { formatDateOnly } from '../../goals/dates.ts';
import { visibleGoalsWhere } from '../../goals/goal-visibility.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import type { CalendarEventInput } from './calendar-provider.ts';
import type { GoalSelection } from './calendar-settings.ts';

// What should be in the member's calendar: one all-day event per selected goal with a
// target date and per dated milestone of a selected goal, with the content hash that tells
// the engine whether the event needs rewriting.

/** A day and an hour before the all-day event starts. */
export const REMINDER_MINUTES = [24 * 60, 60];

export interface CalendarSubject {
  /** goalId, or goalId:milestoneId (CalendarEventLink.subjectKey). */
  key: string;
  goalId: string;
  milestoneId: string | null;
  date: string;
  input: CalendarEventInput;
  hash: string;
  /** The goal's last change (goals; milestones have no timestamp of their own, see localChangeTime). */
  goalUpdatedAt: Date;
}

export function subjectKey(goalId: string, milestoneId: string | null): string {
  return milestoneId ? `${goalId}:${milestoneId}` : goalId;
}

export function contentHash(input: CalendarEventInput): string {
  const { title, description, date, reminderMinutes } = input;
  return createHash('sha256').update(JSON.stringify([title, description, date, reminderMinutes])).digest('hex');
}

/** Goals the member owns or is assigned to and still sees, narrowed by the connection's selection; never archived ones. */
export function selectedGoalsWhere(member: Member, selection: GoalSelection): Prisma.GoalWhereInput {
  const and: Prisma.GoalWhereInput[] = [
    visibleGoalsWhere(member),
    { OR: [{ ownerId: member.userId }, { assignees: { some: { userId: member.userId } } }] },
    { status: { not: 'archived' } },
    { OR: [{ targetDate: { not: null } }, { milestones: { some: { dueDate: { not: null } } } }] },
  ];
  if (selection === 'team') and.push({ teamId: { not: null } });
  else if (selection !== 'all') and.push({ id: { in: selection.ids } });
  return { AND: and };
}

export function withSubjectHash(subject: Omit<CalendarSubject, 'hash'>): CalendarSubject {
  return { ...subject, hash: contentHash(subject.input) };
}

/** Moves a subject to another day (a calendar change applied to the goal). */
export function redated(subject: CalendarSubject, date: string): CalendarSubject {
  return withSubjectHash({ ...subject, date, input: { ...subject.input, date } });
}

export async function loadCalendarSubjects(tenant: TenantContext, member: Member, selection: GoalSelection): Promise<CalendarSubject[]> {
  const goals = await tenantDb(tenant.id).goal.findMany({
    where: selectedGoalsWhere(member, selection),
    select: {
      id: true,
      title: true,
      description: true,
      targetDate: true,
      status: true,
      updatedAt: true,
      milestones: { where: { dueDate: { not: null } }, orderBy: { position: 'asc' }, select: { id: true, title: true, dueDate: true, completedAt: true } },
    },
    orderBy: { createdAt: 'asc' },
    take: 1000,
  });
  const goalWord = term(tenant.branding.terminology, 'goal');
  const subjects: CalendarSubject[] = [];
  for (const goal of goals) {
    const link = `${tenantOrigin(tenant.slug)}/goals/${goal.id}`;
    const done = goal.status === 'completed' ? ' (done)' : '';
    if (goal.targetDate) {
      const date = formatDateOnly(goal.targetDate);
      const description = [goal.description?.trim(), `Open the ${goalWord} in ${tenant.name}: ${link}`].filter(Boolean).join('\n\n');
      subjects.push(withSubjectHash({
        key: subjectKey(goal.id, null),
        goalId: goal.id,
        milestoneId: null,
        date,
        input: { title: `${goal.title}${done}`, description, date, reminderMinutes: REMINDER_MINUTES, subjectKey: subjectKey(goal.id, null) },
        goalUpdatedAt: goal.updatedAt,
      }));
    }
    for (const milestone of goal.milestones) {
      const date = formatDateOnly(milestone.dueDate!);
      const key = subjectKey(goal.id, milestone.id);
      const description = `A milestone of the ${goalWord} “${goal.title}”.\n\nOpen it in ${tenant.name}: ${link}`;
      subjects.push(withSubjectHash({
        key,
        goalId: goal.id,
        milestoneId: milestone.id,
        date,
        input: { title: `${milestone.title}${milestone.completedAt ? ' (done)' : ''} · ${goal.title}`, description, date, reminderMinutes: REMINDER_MINUTES, subjectKey: key },
        goalUpdatedAt: goal.updatedAt,
      }));
    }
  }
  return subjects;
}

/**
 * When the member's side last changed, for last-writer-wins: the goal's updatedAt for a goal;
 * for a milestone (no timestamp of its own), the latest goal.updated event about it.
 */
export async function localChangeTime(tenant: TenantContext, subject: CalendarSubject): Promise<Date> {
  if (!subject.milestoneId) return subject.goalUpdatedAt;
  const events = await tenantDb(tenant.id).domainEvent.findMany({
    where: { type: 'goal.updated', payload: { path: ['goalId'], equals: subject.goalId } },
    orderBy: { occurredAt: 'desc' },
    take: 50,
    select: { occurredAt: true, payload: true },
  });
  const about = events.find((event) => {
    const changed = (event.payload as { changes?: { milestones?: { changed?: { id?: string }; added?: { id?: string } } } }).changes?.milestones;
    return changed?.changed?.id === subject.milestoneId || changed?.added?.id === subject.milestoneId;
  });
  return about?.occurredAt ?? subject.goalUpdatedAt;
}
