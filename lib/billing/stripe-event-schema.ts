import type Stripe from 'stripe';
import { z } from 'zod';
import { AppError } from '../http/problem.ts';

// What a signed Stripe event must look like before anything acts on it: the envelope, and for
// each event type we handle the fields we read. The signature proves Stripe sent the bytes, not
// that they make sense (a test mode event, an API version mismatch, a bug), so a malformed one
// is refused with 400 invalid_stripe_event and a message naming the field, never a 500. Other
// fields pass through untouched; unknown event types need only the envelope.

const cents = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const unixSeconds = z.number().int().nonnegative();
const idOrObject = z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) })]);

const envelope = z.looseObject({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  created: unixSeconds,
  data: z.looseObject({ object: z.looseObject({}) }),
});

const signedCents = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
// The lines split amount_paid between the plan and the apps (lib/earnings/invoice-split.ts).
const invoiceLines = z.looseObject({
  has_more: z.boolean().optional(),
  data: z.array(z.looseObject({ amount: signedCents, discount_amounts: z.array(z.looseObject({ amount: cents })).nullish() })),
});

const invoice = z.looseObject({
  id: z.string().min(1),
  status: z.string().nullish(),
  amount_paid: cents.optional(),
  next_payment_attempt: unixSeconds.nullish(),
});

const objects: Record<string, z.ZodType> = {
  'checkout.session.completed': z.looseObject({ id: z.string().min(1) }),
  'customer.subscription.created': z.looseObject({ id: z.string().min(1), status: z.string().min(1) }),
  'customer.subscription.updated': z.looseObject({ id: z.string().min(1), status: z.string().min(1) }),
  'customer.subscription.deleted': z.looseObject({ id: z.string().min(1), status: z.string().min(1) }),
  // amount_paid is what reseller commissions and partners' revenue share are computed on.
  'invoice.paid': invoice.extend({ amount_paid: cents, lines: invoiceLines.optional() }),
  'invoice.payment_failed': invoice,
  'invoice.voided': invoice,
  'invoice.marked_uncollectible': invoice,
  'charge.refunded': z.looseObject({
    id: z.string().min(1),
    amount_refunded: cents,
    refunds: z.looseObject({ data: z.array(z.looseObject({ id: z.string().min(1), amount: cents, created: unixSeconds, status: z.string().nullish() })) }).nullish(),
  }),
  'credit_note.created': z.looseObject({
    id: z.string().min(1),
    invoice: idOrObject.nullish(),
    total: cents,
    created: unixSeconds,
    status: z.string().nullish(),
    refunds: z.array(z.looseObject({ amount_refunded: cents })).nullish(),
  }),
};

const invalid = (detail: string) => new AppError(400, 'invalid_stripe_event', `This Stripe event is malformed: ${detail}.`);

function describe(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'the body'}: ${issue.message}`)
    .join('; ');
}

/** The event, checked (400 invalid_stripe_event otherwise). */
export function parseStripeEvent(value: unknown): Stripe.Event {
  const outer = envelope.safeParse(value);
  if (!outer.success) throw invalid(value === null || typeof value !== 'object' ? 'the body is not an event object' : describe(outer.error, ''));
  const schema = objects[outer.data.type];
  if (schema) {
    const inner = schema.safeParse(outer.data.data.object);
    if (!inner.success) throw invalid(describe(inner.error, 'data.object'));
  }
  return value as Stripe.Event;
}
