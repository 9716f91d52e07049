import { z } from 'zod';
import type { PlatformRole } from '../db/generated/enums.ts';

// What the staff page and its routes exchange (imported by client components too).

export const STAFF_ROLES = ['owner', 'support', 'billing', 'read_only'] as const satisfies readonly PlatformRole[];

export const STAFF_ROLE_LABELS: Record<PlatformRole, string> = { owner: 'Owner', support: 'Support', billing: 'Billing', read_only: 'Read-only' };

export const STAFF_ROLE_DESCRIPTIONS: Record<PlatformRole, string> = {
  owner: 'Everything, including staff and money.',
  support: 'Reads everything; acts as members and answers tickets.',
  billing: 'Reads everything; plans, overrides, resellers’ terms and payouts.',
  read_only: 'Reads everything, changes nothing.',
};

export const inviteStaffSchema = z.object({
  email: z.string({ message: 'Enter an email address.' }).trim().toLowerCase().email('Enter a valid email address.').max(254, 'Use at most 254 characters.'),
  role: z.enum(STAFF_ROLES, { message: 'Choose a role.' }),
});

export const changeStaffRoleSchema = z.object({ role: z.enum(STAFF_ROLES, { message: 'Choose a role.' }) });

const personName = z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.');

export const acceptStaffInvitationSchema = z.object({
  name: personName.optional(),
  password: z.string().max(200, 'Use at most 200 characters.').optional(),
});

export const newStaffAccountSchema = z.object({
  name: personName,
  password: z.string({ message: 'Choose a password.' }).min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
});

export interface StaffMemberView {
  userId: string;
  email: string;
  name: string | null;
  role: PlatformRole;
  twoFactor: boolean;
  /** Their latest sign-in to the console (ISO), or null. */
  lastSignInAt: string | null;
}

export interface StaffInvitationView {
  id: string;
  email: string;
  role: PlatformRole;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}
