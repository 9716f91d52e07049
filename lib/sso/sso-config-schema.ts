import { z } from 'zod';

// The SSO roles an admin edits: the attribute roles come from, value → role rows and the role
// for everyone else. ("Require SSO" is chosen per domain: sso-domains.ts.)

export const MAPPABLE_ROLES = ['admin', 'member', 'viewer'] as const;
export type MappableRole = (typeof MAPPABLE_ROLES)[number];

const role = z.enum(MAPPABLE_ROLES, { message: 'Roles from SSO can be admin, member or viewer (owners are never set by SSO).' });

export const roleMappingRowSchema = z.object({
  value: z.string().trim().min(1, 'Enter the attribute value, e.g. a group name.').max(200, 'Use at most 200 characters.'),
  role,
});

export const ssoConfigSchema = z.object({
  roleAttribute: z
    .string()
    .trim()
    .min(1, 'Enter the attribute name, e.g. groups.')
    .max(200, 'Use at most 200 characters.')
    .regex(/^[^\s<>"]+$/, 'Attribute names have no spaces, quotes or angle brackets.'),
  roleMapping: z
    .array(roleMappingRowSchema)
    .max(50, 'Use at most 50 rows.')
    .refine((rows) => new Set(rows.map((row) => row.value)).size === rows.length, 'Each value can appear once.'),
  defaultRole: role,
});

export type SsoConfigInput = z.infer<typeof ssoConfigSchema>;

export interface SsoConfigView {
  roleAttribute: string;
  roleMapping: { value: string; role: MappableRole }[];
  defaultRole: string;
}

/**
 * Stored JSON ({"value": "role"}) back to rows, dropping anything that is not a mappable role.
 * PostgreSQL's jsonb does not keep key order, so rows come highest role first, then by value.
 */
export function mappingRows(stored: unknown): { value: string; role: MappableRole }[] {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return [];
  return Object.entries(stored as Record<string, unknown>)
    .filter((entry): entry is [string, MappableRole] => (MAPPABLE_ROLES as readonly string[]).includes(entry[1] as string))
    .map(([value, mapped]) => ({ value, role: mapped }))
    .sort((a, b) => MAPPABLE_ROLES.indexOf(a.role) - MAPPABLE_ROLES.indexOf(b.role) || a.value.localeCompare(b.value));
}
