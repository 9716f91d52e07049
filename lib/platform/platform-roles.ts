import type { PlatformRole } from '../db/generated/enums.ts';

// What each operator role may do in the console. Everyone on the staff reads; writes are
// split so that support (acting as members) and billing (plans, money) are separate duties.

export type PlatformPermission =
  /** See tenants, figures, audit, analytics. */
  | 'platform:read'
  /** Lifecycle: suspend, cancel, schedule deletion, restore; reviews of partners and apps; support tickets. */
  | 'platform:manage'
  /** Act as a member (impersonation) and answer support tickets. */
  | 'platform:support'
  /** Plans, overrides, reseller terms and prices, payouts. */
  | 'platform:billing'
  /** Invite and remove staff, change their roles. */
  | 'platform:staff';

const GRANTS: Record<PlatformRole, readonly PlatformPermission[]> = {
  owner: ['platform:read', 'platform:manage', 'platform:support', 'platform:billing', 'platform:staff'],
  support: ['platform:read', 'platform:support'],
  billing: ['platform:read', 'platform:billing'],
  read_only: ['platform:read'],
};

export const PLATFORM_ROLES = Object.keys(GRANTS) as PlatformRole[];

export function platformCan(role: PlatformRole, permission: PlatformPermission): boolean {
  return GRANTS[role].includes(permission);
}
