import type { Role } from '../db/generated/enums.ts';
import { forbidden } from '../http/problem.ts';

// The one permission table. Pages, route handlers and services all ask can()/assertCan();
// nothing else decides who may do what.
export const ROLES: readonly Role[] = ['owner', 'admin', 'member', 'viewer'];

const ALL: Role[] = ['owner', 'admin', 'member', 'viewer'];
const CONTRIBUTORS: Role[] = ['owner', 'admin', 'member'];
const ADMINS: Role[] = ['owner', 'admin'];
const OWNERS: Role[] = ['owner'];

export const PERMISSIONS = {
  /** see the workspace: dashboard, goals, habits, teams, people */
  'workspace.read': ALL,
  /** create and edit one's own goals and habits, log progress and habits */
  'goals.write': CONTRIBUTORS,
  'habits.write': CONTRIBUTORS,
  /** join or leave teams, ask to join */
  'teams.join': CONTRIBUTORS,
  /** create, edit and delete teams; manage any team's members */
  'teams.manage': ADMINS,
  /** invite, change roles, remove members */
  'members.manage': ADMINS,
  /** general settings, branding, domains */
  'settings.manage': ADMINS,
  /** API keys, webhooks, OAuth apps, SSO (later issues) */
  'integrations.manage': ADMINS,
  'audit.read': ADMINS,
  /** subscribe, change the plan, open Stripe's billing portal (admins see the billing page read-only) */
  'billing.manage': OWNERS,
  /** grant or take the owner role, transfer ownership, delete the workspace */
  'owners.manage': OWNERS,
  'tenant.delete': OWNERS,
  /** export the whole workspace's data and download those exports (Settings › Data) */
  'workspace.export': OWNERS,
  /** require approval before platform support acts as a member; approve, deny or end it */
  'support_access.manage': OWNERS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function assertCan(role: Role, permission: Permission, message = 'Your role does not allow this.'): void {
  if (!can(role, permission)) throw forbidden(message);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
