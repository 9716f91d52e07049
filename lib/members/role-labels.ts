import type { Role } from '../db/generated/enums.ts';

// One way to show a role: capitalised, the same in every list, menu and sentence start.

export const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', admin: 'Admin', member: 'Member', viewer: 'Viewer' };

/**
 * "Owner", "Admin", "Member", "Viewer". Also takes the reseller roles (owner, member), which
 * share the words; an unknown value is capitalised rather than shown raw.
 */
export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? (role ? `${role[0].toUpperCase()}${role.slice(1)}` : role);
}
