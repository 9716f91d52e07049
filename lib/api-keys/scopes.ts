import type { Role } from '../db/generated/enums.ts';

export const SCOPES = ['read:users', 'write:users', 'read:goals', 'write:goals', 'read:habits', 'write:habits', 'read:analytics', 'write:analytics', 'ai:coach', 'webhooks:manage', 'admin:all'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  'read:users': 'Read the key owner’s profile and the workspace’s people',
  'write:users': 'Change people and their roles',
  'read:goals': 'Read goals',
  'write:goals': 'Create, change and delete goals',
  'read:habits': 'Read habits and their logs',
  'write:habits': 'Create, change and delete habits, and log them',
  'read:analytics': 'Read usage and progress analytics',
  'write:analytics': 'Record measurements toward goals (e.g. “ran 5 km”)',
  'ai:coach': 'Talk with the AI coach and read insights',
  'webhooks:manage': 'Manage webhook endpoints',
  'admin:all': 'Everything above',
};

// A key never gets more than its creator's role allows (checked when the key is made and on
// every request, so a demoted creator's keys shrink with them).
const READ: Scope[] = ['read:users', 'read:goals', 'read:habits', 'read:analytics'];
// Measurements move a goal and the coach may create goals and habits: members' work, not viewers'.
const WRITE: Scope[] = [...READ, 'write:goals', 'write:habits', 'write:analytics', 'ai:coach'];
const ALL: Scope[] = [...SCOPES];

export const SCOPES_FOR_ROLE: Record<Role, Scope[]> = { owner: ALL, admin: ALL, member: WRITE, viewer: READ };

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** The scopes a key may use now: its own, within its creator's current role. */
export function effectiveScopes(keyScopes: readonly string[], creatorRole: Role): Set<Scope> {
  const allowed = new Set(SCOPES_FOR_ROLE[creatorRole]);
  const granted = keyScopes.includes('admin:all') ? SCOPES : keyScopes.filter(isScope);
  return new Set(granted.filter((scope) => allowed.has(scope)));
}
