import { z } from 'zod';
import { newPasswordSchema } from '../auth/password-rules.ts';

// Inputs of the partner program's routes (zod only: the browser imports these too).

export const PARTNER_USER_ROLES = ['owner', 'developer', 'billing'] as const;
export type PartnerUserRole = (typeof PARTNER_USER_ROLES)[number];

export const PARTNER_ROLE_LABELS: Record<PartnerUserRole, string> = { owner: 'Owner', developer: 'Developer', billing: 'Billing' };

const email = z.string({ message: 'Enter an email address.' }).trim().toLowerCase().max(254, 'Use at most 254 characters.').email('Enter a valid email address.');
const personName = z.string({ message: 'Enter your name.' }).trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.');
const companyName = z.string({ message: 'Enter the company name.' }).trim().min(1, 'Enter the company name.').min(2, 'Use at least 2 characters.').max(80, 'Use at most 80 characters.');

/** An absolute https:// address (http only for localhost, so a developer's own pages work in the demo). */
export const webUrl = z
  .string({ message: 'Enter an address.' })
  .trim()
  .max(2000, 'Use at most 2,000 characters.')
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.username || url.password) return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname.endsWith('.localhost')));
    } catch {
      return false;
    }
  }, 'Use a full https:// address.');

const optionalUrl = z.union([z.literal(''), webUrl]).optional();

/** The public "Become a partner" form. */
export const partnerApplicationSchema = z.object({
  companyName,
  website: webUrl,
  contactName: personName,
  email,
  /** What they plan to build: the operator reads it before deciding. */
  note: z.string({ message: 'Tell us what you plan to build.' }).trim().min(20, 'Tell us a little more (at least 20 characters).').max(2000, 'Use at most 2,000 characters.'),
});
export type PartnerApplicationInput = z.infer<typeof partnerApplicationSchema>;

export const partnerProfileSchema = z
  .object({
    name: companyName.optional(),
    website: optionalUrl,
    supportEmail: z.union([z.literal(''), email]).optional(),
    privacyPolicyUrl: optionalUrl,
  })
  .strict();
export type PartnerProfileInput = z.infer<typeof partnerProfileSchema>;

export const invitePartnerUserSchema = z.object({
  email,
  role: z.enum(PARTNER_USER_ROLES, { message: 'Choose owner, developer or billing.' }).default('developer'),
});

export const partnerUserRoleSchema = z.object({
  role: z.enum(PARTNER_USER_ROLES, { message: 'Choose owner, developer or billing.' }),
});

export const acceptPartnerInvitationSchema = z.object({
  name: personName.optional(),
  password: z.string().max(200, 'Use at most 200 characters.').optional(),
});

export const newPartnerAccountSchema = z.object({ name: personName, password: newPasswordSchema });

export const acceptAgreementSchema = z.object({
  version: z.string({ message: 'Name the version you accept.' }).trim().min(1, 'Name the version you accept.').max(40),
});

/** The operator's decision on a partner: approve, reject (with a reason), suspend (with a reason), reinstate. */
export const partnerDecisionSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('approve'), reason: z.string().trim().max(2000, 'Use at most 2,000 characters.').optional() }),
    z.object({ action: z.literal('reject'), reason: z.string({ message: 'Say why.' }).trim().min(5, 'Say why (at least 5 characters): the applicant gets it by email.').max(2000, 'Use at most 2,000 characters.') }),
    z.object({ action: z.literal('suspend'), reason: z.string({ message: 'Say why.' }).trim().min(5, 'Say why (at least 5 characters): the partner gets it by email.').max(2000, 'Use at most 2,000 characters.') }),
    z.object({ action: z.literal('reinstate'), reason: z.string().trim().max(2000, 'Use at most 2,000 characters.').optional() }),
  ],
  { message: 'Choose approve, reject, suspend or reinstate.' },
);
export type PartnerDecision = z.infer<typeof partnerDecisionSchema>;

export const PARTNER_STATUSES = ['applied', 'active', 'rejected', 'suspended'] as const;
