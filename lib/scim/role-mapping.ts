import type { Role } from '../db/generated/enums.ts';
import type { TenantTx } from '../db/tenant-db.ts';
import { mappedRole as mappedSsoRole } from '../sso/role-mapping.ts';
import { mappingRows } from '../sso/sso-config-schema.ts';

// The role a directory gives a person, from the same value → role table as SSO sign-in
// (SsoConfig.roleMapping, matched the same way, lib/sso/role-mapping.ts): the values are the
// displayNames of the person's groups in the directory and the values of their SCIM "roles".
// The highest mapped role wins; owners are never granted. Unlike an SSO sign-in, a sync never
// changes an owner's or an admin's role, and without a matching value it changes nothing.

export async function mappedRole(tx: TenantTx, values: string[]): Promise<Role | null> {
  if (values.length === 0) return null;
  const config = await tx.ssoConfig.findFirst({ select: { roleMapping: true } });
  return config ? mappedSsoRole(values, mappingRows(config.roleMapping)) : null;
}

/** A new member's role: the mapped one, else the workspace's default (never owner through a sync). */
export function initialRole(mapped: Role | null, defaultRole: Role): Role {
  if (mapped) return mapped;
  return defaultRole === 'owner' ? 'member' : defaultRole;
}

/** The role an existing member should have after a sync, or null to leave it as it is. */
export function syncedRole(current: Role, mapped: Role | null): Role | null {
  if (current === 'owner' || current === 'admin') return null;
  if (mapped === null || mapped === current) return null;
  return mapped;
}
