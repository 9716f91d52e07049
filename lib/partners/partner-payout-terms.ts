import { z } from 'zod';
import { db } from '../db/client.ts';
import { notFound, parseInput, validationFailed } from '../http/problem.ts';
import { recordPlatformAudit } from '../platform/platform-audit.ts';
import type { OperatorActor } from '../resellers/reseller-actor.ts';
import { centsSchema } from '../resellers/reseller-schema.ts';

// What the operator sets about a partner's money: its tier (the platform's fee and the support
// targets), its Stripe Connect account, payout minimum and holding period; and the tiers
// themselves. Every change is in the platform audit log with what it was before.

const MAX_TARGET_MINUTES = 60 * 24 * 60; // 60 days

export const partnerTermsSchema = z
  .object({
    tierId: z.string().trim().min(1, 'Choose a tier.').max(40).optional(),
    stripeConnectAccountId: z.union([z.literal(''), z.string().trim().regex(/^acct_[A-Za-z0-9]{1,60}$/, 'A Stripe account id starts with acct_.')]).optional(),
    payoutMinimumCents: centsSchema.optional(),
    holdingDays: z.number({ message: 'Enter a number of days.' }).int('Use whole days.').min(0, 'At least 0 days.').max(365, 'At most 365 days.').optional(),
  })
  .strict()
  .refine((value) => Object.values(value).some((v) => v !== undefined), 'Change at least one thing.');

const minutes = (what: string) =>
  z.number({ message: `Enter the ${what} target in minutes.` }).int('Use whole minutes.').min(1, 'At least 1 minute.').max(MAX_TARGET_MINUTES, 'At most 60 days.');

export const partnerTierSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name.').max(40, 'Use at most 40 characters.').optional(),
    platformFeeBps: z.number({ message: 'Enter a fee.' }).int('Use whole basis points (0.01% steps).').min(0, 'A fee cannot be negative.').max(10_000, 'A fee is at most 100%.').optional(),
    firstResponseMinutes: minutes('first response').optional(),
    resolutionMinutes: minutes('resolution').optional(),
  })
  .strict()
  .refine((value) => Object.values(value).some((v) => v !== undefined), 'Change at least one thing.');

export interface PartnerTierRow {
  id: string;
  name: string;
  platformFeeBps: number;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  partners: number;
}

export async function listPartnerTiers(): Promise<PartnerTierRow[]> {
  const rows = await db.partnerTier.findMany({ orderBy: { platformFeeBps: 'desc' }, select: { id: true, name: true, platformFeeBps: true, firstResponseMinutes: true, resolutionMinutes: true, _count: { select: { partners: true } } } });
  return rows.map(({ _count, ...row }) => ({ ...row, partners: _count.partners }));
}

const termsSelect = { tierId: true, stripeConnectAccountId: true, payoutMinimumCents: true, holdingDays: true } as const;

/** The operator sets a partner's tier and payout terms. New earnings use them; credited ones keep theirs. */
export async function setPartnerTerms(operator: OperatorActor, partnerId: string, input: unknown, ip: string | null = null) {
  const changes = parseInput(partnerTermsSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.partner.findUnique({ where: { id: partnerId }, select: termsSelect });
    if (!before) throw notFound('No such partner.');
    if (changes.tierId && !(await tx.partnerTier.findUnique({ where: { id: changes.tierId }, select: { id: true } }))) throw validationFailed({ tierId: 'No such tier.' });
    const data = { ...changes, ...(changes.stripeConnectAccountId !== undefined ? { stripeConnectAccountId: changes.stripeConnectAccountId || null } : {}) };
    const after = await tx.partner.update({ where: { id: partnerId }, data, select: termsSelect });
    await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'partner.terms_changed', target: { type: 'partner', id: partnerId }, ip, metadata: { before, after } });
    return after;
  });
}

/** The operator edits a tier: its fee applies to invoices paid from now on. */
export async function updatePartnerTier(operator: OperatorActor, tierId: string, input: unknown, ip: string | null = null) {
  const changes = parseInput(partnerTierSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.partnerTier.findUnique({ where: { id: tierId }, select: { name: true, platformFeeBps: true, firstResponseMinutes: true, resolutionMinutes: true } });
    if (!before) throw notFound('No such tier.');
    const after = await tx.partnerTier.update({ where: { id: tierId }, data: changes, select: { id: true, name: true, platformFeeBps: true, firstResponseMinutes: true, resolutionMinutes: true } });
    await recordPlatformAudit(tx, { actor: { id: operator.userId, email: operator.email }, action: 'partner_tier.updated', target: { type: 'partner_tier', id: tierId }, ip, metadata: { before, after } });
    return after;
  });
}
