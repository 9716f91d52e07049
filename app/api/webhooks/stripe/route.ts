import { receiveStripeEvent } from '@/lib/billing/stripe-webhook';
import { readBytes } from '@/lib/http/read-bytes';
import { platformRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Stripe's events are small; anything much larger is not one. */
const MAX_BODY_BYTES = 512 * 1024;

/**
 * Stripe's webhook endpoint, on the platform's root domain (or any host: proxy.ts passes it
 * through untouched). The signature covers the raw bytes, so the body is read as is, never
 * parsed before it is verified. 400 for a bad signature or a malformed event (recorded); 200
 * with the outcome (what was done, or why nothing was) otherwise.
 */
export const POST = platformRoute({ host: 'any', auth: 'signature', rawBody: true }, async ({ req }) => {
  const raw = await readBytes(req, MAX_BODY_BYTES);
  const outcome = await receiveStripeEvent(raw, req.headers.get('stripe-signature'));
  return Response.json({ received: true, outcome }, { headers: { 'cache-control': 'no-store' } });
});
