import { NextRequest } from 'next/server';
import Stripe from 'stripe';
import { POST } from '../../app/api/webhooks/stripe/route.ts';

// Stripe events as Stripe sends them: signed with stripe-node's generateTestHeaderString and
// posted to the webhook's route handler. The secret must be in STRIPE_WEBHOOK_SECRET.

let sequence = 0;

export interface StripeEventPayload {
  id: string;
  object: 'event';
  api_version: string;
  type: string;
  created: number;
  livemode: false;
  data: { object: Record<string, unknown> };
}

export function stripeEvent(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000)): StripeEventPayload {
  return { id: `evt_${Date.now()}_${++sequence}`, object: 'event', api_version: '2026-10-28.endive', type, created, livemode: false, data: { object } };
}

export interface Delivered {
  status: number;
  body: Record<string, unknown>;
}

/** Posts raw bytes signed with `secret` (any payload, even one that is not an event). */
export async function deliverRaw(payload: string, secret = process.env.STRIPE_WEBHOOK_SECRET!): Promise<Delivered> {
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const request = new NextRequest('http://localhost:3100/api/webhooks/stripe', { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
  const response = await POST(request, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

export function deliverEvent(event: object): Promise<Delivered> {
  return deliverRaw(JSON.stringify(event));
}
