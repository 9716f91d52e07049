import { z } from 'zod';
import type { Delivery } from '../email/send-email.ts';

// Shapes of the invitation routes, shared by the server and the browser (zod only here).

export const INVITABLE_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** "an owner", "a member": for sentences in the invitation email and on the accept page. */
export function roleWithArticle(role: InvitableRole): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}

export const emailSchema = z.string().trim().toLowerCase().max(254, 'Use at most 254 characters.').email('Enter a valid email address.');

export const createInvitationSchema = z.object({
  email: emailSchema,
  role: z.enum(INVITABLE_ROLES, { message: 'Choose owner, admin, member or viewer.' }),
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/** Accepting: a new person sets name and password; someone with an account confirms theirs. */
export const acceptInvitationSchema = z.object({
  name: z.string().trim().max(100, 'Use at most 100 characters.').optional(),
  password: z.string().max(200, 'Use at most 200 characters.').optional(),
});

export const newAccountSchema = z.object({
  name: z.string({ message: 'Enter your name.' }).trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
  password: z.string({ message: 'Choose a password.' }).min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
});

/** What the members settings page shows of a pending invitation (never the token). */
export interface InvitationView {
  id: string;
  email: string;
  role: InvitableRole;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  lastSentAt: string;
  expired: boolean;
}

export interface InvitationResult {
  invitation: InvitationView;
  /** Whether the email went out; on 'failed' the invitation exists and can be resent. */
  delivery: Delivery;
}
