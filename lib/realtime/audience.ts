import type { EventAudience, Prisma, Role } from '../db/generated/client.ts';
import { isBillingEventType } from '../events/event-catalog.ts';
import { can } from '../members/permissions.ts';

// Who may see a domain event in feeds and live updates. Decided once, when the event is
// written (emitEvent stores it on the row and the live trigger announces it), so a feed
// query and a live stream apply the same rule and neither reads the goal or habit again:
// - a team goal's events: the team's members and the workspace's admins (as the goal page);
// - a personal goal's: its owner only (admins included: personal goals are private);
// - a habit's: its owner and their teammates, or only its owner when the habit is private;
// - people and installed apps: the workspace, or its admins;
// - billing (subscription, payment): the admins.

export type Audience =
  | { kind: 'workspace' }
  | { kind: 'team'; teamId: string; userIds?: string[] }
  | { kind: 'teammates'; userIds: string[] }
  | { kind: 'users'; userIds: string[] }
  | { kind: 'admins'; userIds?: string[] };

/** The columns an audience is stored in (DomainEvent.audience, audienceTeamId, audienceUserIds). */
export interface AudienceColumns {
  audience: EventAudience;
  audienceTeamId: string | null;
  audienceUserIds: string[];
}

export function audienceColumns(audience: Audience): AudienceColumns {
  return {
    audience: audience.kind,
    audienceTeamId: audience.kind === 'team' ? audience.teamId : null,
    audienceUserIds: audience.kind === 'workspace' ? [] : [...new Set(audience.userIds ?? [])],
  };
}

/** The audience stored on an event, back as an Audience (kudos are seen by whoever saw what they celebrate). */
export function audienceFromColumns(columns: AudienceColumns): Audience {
  switch (columns.audience) {
    case 'workspace':
      return { kind: 'workspace' };
    case 'team':
      return columns.audienceTeamId ? { kind: 'team', teamId: columns.audienceTeamId, userIds: columns.audienceUserIds } : { kind: 'users', userIds: columns.audienceUserIds };
    default:
      return { kind: columns.audience, userIds: columns.audienceUserIds };
  }
}

export function goalAudience(goal: { teamId: string | null; ownerId: string }): Audience {
  return goal.teamId ? { kind: 'team', teamId: goal.teamId } : { kind: 'users', userIds: [goal.ownerId] };
}

export function habitAudience(habit: { userId: string; private: boolean }): Audience {
  return habit.private ? { kind: 'users', userIds: [habit.userId] } : { kind: 'teammates', userIds: [habit.userId] };
}

/** Event types whose audience depends on the goal or habit: emitEvent requires one. */
export function needsExplicitAudience(type: string): boolean {
  return type.startsWith('goal.') || type.startsWith('habit.') || type.startsWith('kudos.');
}

/** The audience of events that carry everything needed to decide it. */
export function defaultAudience(type: string, payload: Record<string, unknown>): Audience | null {
  if (type.startsWith('user.')) return { kind: 'workspace' };
  if (type.startsWith('team.') && typeof payload.teamId === 'string') {
    return { kind: 'team', teamId: payload.teamId, userIds: typeof payload.userId === 'string' ? [payload.userId] : [] };
  }
  if (type.startsWith('app.')) return { kind: 'admins' };
  // The workspace's subscription and payments: its admins' business, not its members'.
  if (isBillingEventType(type)) return { kind: 'admins' };
  // An insight is its member's alone, or its team's (never the workspace's: it is about their data).
  if (type === 'ai.insight_generated') {
    if (typeof payload.teamId === 'string') return { kind: 'team', teamId: payload.teamId };
    if (typeof payload.userId === 'string') return { kind: 'users', userIds: [payload.userId] };
  }
  return null;
}

/** Who is looking: their role, their teams, and everyone who shares a team with them. */
export interface AudienceViewer {
  userId: string;
  role: Role;
  teamIds: ReadonlySet<string>;
  /** Members of the viewer's teams (the viewer included). */
  teammateIds: ReadonlySet<string>;
}

function isAdmin(role: Role): boolean {
  return can(role, 'teams.manage');
}

/** Whether the viewer may see an event with these audience columns. */
export function canSee(event: AudienceColumns, viewer: AudienceViewer): boolean {
  const named = event.audienceUserIds.includes(viewer.userId);
  switch (event.audience) {
    case 'workspace':
      return true;
    case 'team':
      return named || isAdmin(viewer.role) || (event.audienceTeamId !== null && viewer.teamIds.has(event.audienceTeamId));
    case 'teammates':
      return named || event.audienceUserIds.some((id) => viewer.teammateIds.has(id));
    case 'users':
      return named;
    case 'admins':
      return named || isAdmin(viewer.role);
  }
}

/** The same rule as a filter on DomainEvent rows (feeds). */
export function visibleEventsWhere(viewer: AudienceViewer): Prisma.DomainEventWhereInput {
  const or: Prisma.DomainEventWhereInput[] = [
    { audience: 'workspace' },
    { audienceUserIds: { has: viewer.userId } },
    { audience: 'team', audienceTeamId: { in: [...viewer.teamIds] } },
    { audience: 'teammates', audienceUserIds: { hasSome: [...viewer.teammateIds] } },
  ];
  if (isAdmin(viewer.role)) or.push({ audience: { in: ['team', 'admins'] } });
  return { OR: or };
}
