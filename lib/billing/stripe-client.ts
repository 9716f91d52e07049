import Stripe from 'stripe';
import { AppError } from '../http/problem.ts';
import { env } from '../config/env.ts';

// The app's one Stripe client. Every Stripe API call (billing, the usage report, resellers)
// goes through getStripe()/requireStripe(), so one setting points all of them elsewhere:
// STRIPE_API_BASE (e.g. http://127.0.0.1:12111) sends them to a local fake server in tests.
// Without STRIPE_SECRET_KEY billing is "not configured": plans still apply, the operator sets
// them by hand, and nothing here is called.

/** Pinned: the types of the installed SDK describe this version, and webhooks are parsed as it. */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const satisfies Stripe.LatestApiVersion;

interface State {
  client: Stripe | null;
  /** The settings the client was made with; a change (tests) makes a new one. */
  key: string;
}

const holder = globalThis as unknown as { __waypointStripe?: State };

export function stripeConfigured(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}

/** Host, port and protocol from STRIPE_API_BASE (unset: Stripe's own API). */
export function stripeApiBase(value = env().STRIPE_API_BASE): { host: string; port: number; protocol: 'http' | 'https' } | null {
  if (!value) return null;
  const url = new URL(value);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

/** The client, or null when STRIPE_SECRET_KEY is unset. */
export function getStripe(): Stripe | null {
  const secret = env().STRIPE_SECRET_KEY ?? '';
  const base = env().STRIPE_API_BASE ?? '';
  const key = `${secret}\n${base}`;
  const current = holder.__waypointStripe;
  if (current && current.key === key) return current.client;
  const client = secret
    ? new Stripe(secret, {
        apiVersion: STRIPE_API_VERSION,
        maxNetworkRetries: 2,
        timeout: 20_000,
        telemetry: false,
        appInfo: { name: 'Waypoint' },
        ...(stripeApiBase(base || undefined) ?? {}),
      })
    : null;
  holder.__waypointStripe = { client, key };
  return client;
}

export const BILLING_NOT_CONFIGURED = 'billing_not_configured';

/** The client, or 503 billing_not_configured. */
export function requireStripe(): Stripe {
  const client = getStripe();
  if (!client) throw new AppError(503, BILLING_NOT_CONFIGURED, 'Billing is not configured on this server (STRIPE_SECRET_KEY is not set). The platform operator can change the plan.');
  return client;
}

// ─── Prices, by lookup key ───

const PRICE_CACHE_MS = 10 * 60_000;

const priceHolder = globalThis as unknown as { __waypointStripePrices?: { at: number; key: string; ids: Map<string, string> } };

/**
 * Stripe Price ids for lookup keys (never hard-coded ids): one prices.list call for all the
 * keys asked, cached for 10 minutes. A key with no active price is a configuration error
 * (503 billing_misconfigured), named in the message.
 */
export async function priceIdsByLookupKey(lookupKeys: string[]): Promise<Map<string, string>> {
  const client = requireStripe();
  const cacheKey = env().STRIPE_SECRET_KEY ?? '';
  const cached = priceHolder.__waypointStripePrices;
  const fresh = cached && cached.key === cacheKey && Date.now() - cached.at < PRICE_CACHE_MS ? cached : null;
  if (fresh && lookupKeys.every((key) => fresh.ids.has(key))) return fresh.ids;
  const { data } = await client.prices.list({ lookup_keys: lookupKeys, active: true, limit: 100 });
  const ids = new Map(fresh?.ids ?? []);
  for (const price of data) if (price.lookup_key) ids.set(price.lookup_key, price.id);
  const missing = lookupKeys.filter((key) => !ids.has(key));
  if (missing.length) {
    throw new AppError(503, 'billing_misconfigured', `Billing is misconfigured: Stripe has no active price with the lookup key ${missing.join(', ')}. The platform operator needs to create it.`);
  }
  priceHolder.__waypointStripePrices = { at: Date.now(), key: cacheKey, ids };
  return ids;
}

export function clearStripePriceCache(): void {
  priceHolder.__waypointStripePrices = undefined;
}
