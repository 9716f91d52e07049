import { z } from 'zod';
import { slugSchema } from '../signup/signup-schema.ts';

// Inputs of the reseller and operator routes (zod only: the browser imports these too).

export const RESELLER_USER_ROLES = ['owner', 'member'] as const;
export type ResellerUserRole = (typeof RESELLER_USER_ROLES)[number];

const email = z.string().trim().toLowerCase().max(254, 'Use at most 254 characters.').email('Enter a valid email address.');
const personName = z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.');
const orgName = z.string().trim().min(2, 'Use at least 2 characters.').max(80, 'Use at most 80 characters.');

/** A rate in basis points (2000 = 20%). */
export const rateBpsSchema = z.number({ message: 'Enter a rate.' }).int('Use whole basis points (0.01% steps).').min(0, 'A rate cannot be negative.').max(10_000, 'A rate is at most 100%.');

/** Money in whole cents; the forms send cents, converted from the dollars people type. */
export const centsSchema = z.number({ message: 'Enter an amount.' }).int('Use whole cents.').min(0, 'An amount cannot be negative.').max(100_000_000, 'That is more than $1,000,000.');

export const createClientSchema = z.object({
  workspaceName: z.string().trim().min(2, 'Use at least 2 characters.').max(80, 'Use at most 80 characters.'),
  slug: slugSchema,
  ownerEmail: email,
  ownerName: personName.optional(),
});
export type CreateClientInput = z.infer<typeof createClientSchema>;

export const setPriceSchema = z.object({
  planId: z.string().trim().min(1, 'Choose a plan.').max(40),
  priceCents: centsSchema,
  /** ISO 4217, lower case; absent: usd (the prices page before currencies). */
  currency: z.string().trim().toLowerCase().optional(),
});

export const recruitSchema = z.object({
  name: orgName,
  ownerEmail: email,
  rateBps: rateBpsSchema.optional(),
});

export const createResellerSchema = recruitSchema;

export const setRateSchema = z.object({ rateBps: rateBpsSchema });

export const inviteResellerUserSchema = z.object({
  email,
  role: z.enum(RESELLER_USER_ROLES, { message: 'Choose owner or member.' }).default('member'),
});

export const acceptResellerInvitationSchema = z.object({
  name: personName.optional(),
  password: z.string().max(200, 'Use at most 200 characters.').optional(),
});

export const newResellerAccountSchema = z.object({
  name: personName,
  password: z.string({ message: 'Choose a password.' }).min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
});

const httpsUrl = z
  .string()
  .trim()
  .max(2000, 'Use at most 2,000 characters.')
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Use an https:// address.');

export const whiteLabelSchema = z.object({
  name: z.string().trim().max(80, 'Use at most 80 characters.').optional().default(''),
  logoUrl: z.union([z.literal(''), httpsUrl]).optional().default(''),
  websiteUrl: z.union([z.literal(''), httpsUrl]).optional().default(''),
});
export type WhiteLabelInput = z.infer<typeof whiteLabelSchema>;

export const resellerStatusSchema = z.object({
  status: z.enum(['approved', 'suspended'], { message: 'Choose approved or suspended.' }),
});

export const operatorResellerPatchSchema = z
  .object({
    status: z.enum(['approved', 'suspended']).optional(),
    rateBps: rateBpsSchema.optional(),
    parentId: z.string().trim().min(1).max(40).optional(),
    stripeConnectAccountId: z.union([z.literal(''), z.string().trim().regex(/^acct_[A-Za-z0-9]{1,60}$/, 'A Stripe account id starts with acct_.')]).optional(),
    payoutMinimumCents: centsSchema.optional(),
    holdingDays: z.number().int().min(0).max(365).optional(),
  })
  .refine((value) => Object.values(value).some((v) => v !== undefined), 'Change at least one thing.');

export const planFloorSchema = z.object({ floorCents: centsSchema.nullable(), currency: z.string().trim().toLowerCase().optional() });

export const payoutReferenceSchema = z.object({
  reference: z.string().trim().min(2, 'Enter the transfer reference.').max(200, 'Use at most 200 characters.'),
});
