import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for Stripe's API (which tests cannot reach), at the SDK's host setting:
// STRIPE_API_BASE points lib/billing/stripe-client.ts here. It records every request (method,
// path, headers, form body decoded into flat "a[b][0]" keys) and answers the calls the app
// makes with plausible objects. Tests add or override routes and inject failures.

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Form fields as Stripe's SDK encodes them, e.g. { 'line_items[0][price]': 'price_basic' }. */
  form: Record<string, string>;
}

export type Handler = (request: RecordedRequest) => { status?: number; body: unknown; headers?: Record<string, string> } | undefined;

export interface FakeStripe {
  url: string;
  requests: RecordedRequest[];
  /** Requests to one path (and method). */
  calls(method: string, path: string | RegExp): RecordedRequest[];
  /** Prices by lookup key, as prices.list answers them. */
  prices: Map<string, { id: string; lookup_key: string; metadata?: Record<string, string> }>;
  /** Subscriptions as subscriptions.retrieve answers them. */
  subscriptions: Map<string, unknown>;
  /** Invoices as invoices.retrieve answers them. */
  invoices: Map<string, unknown>;
  /** Subscription items made through /v1/subscription_items (deleted ones are removed). */
  subscriptionItems: Map<string, { id: string; subscription: string; price: string; quantity?: number; metadata: Record<string, string> }>;
  /** Checked before the built-in routes; return undefined to fall through. */
  override(handler: Handler): void;
  close(): Promise<void>;
}

function decodeForm(body: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) form[key] = value;
  return form;
}

// Unique across the test files that run in parallel on one database (each its own process, each
// its own sequence): ids land in unique columns (MarketplaceApp.stripeProductId, price ids…).
const RUN = randomBytes(4).toString('hex');
let sequence = 0;
const newId = (prefix: string) => `${prefix}_fake${RUN}${(++sequence).toString().padStart(6, '0')}`;

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const overrides: Handler[] = [];
  const prices = new Map<string, { id: string; lookup_key: string; metadata?: Record<string, string> }>();
  const subscriptions = new Map<string, unknown>();
  const invoices = new Map<string, unknown>();
  const customers = new Map<string, string>();
  const subscriptionItems: FakeStripe['subscriptionItems'] = new Map();
  // Stripe answers a POST repeated with the same Idempotency-Key with the first answer.
  const replays = new Map<string, { status?: number; body: unknown }>();

  /** Products, prices, meters and subscription items: the catalog and add-ons of paid apps. */
  function catalog(request: RecordedRequest): { status?: number; body: unknown } | undefined {
    const { method, path, form } = request;
    const metadata = Object.fromEntries(Object.entries(form).flatMap(([key, value]) => (key.startsWith('metadata[') ? [[key.slice(9, -1), value]] : [])));
    if (method === 'POST' && path === '/v1/products') return { body: { id: newId('prod'), object: 'product', name: form.name, active: true, metadata } };
    if (method === 'POST' && path === '/v1/billing/meters') {
      return { body: { id: newId('mtr'), object: 'billing.meter', display_name: form.display_name, event_name: form.event_name, status: 'active', default_aggregation: { formula: form['default_aggregation[formula]'] } } };
    }
    if (method === 'POST' && path === '/v1/prices') {
      const recurring = { interval: form['recurring[interval]'], usage_type: form['recurring[usage_type]'] ?? 'licensed', meter: form['recurring[meter]'] ?? null };
      return { body: { id: newId('price'), object: 'price', active: true, product: form.product, currency: form.currency, unit_amount: Number(form.unit_amount), recurring, metadata } };
    }
    const priceOf = (id: string) => ({ id, object: 'price', metadata: {} });
    if (method === 'POST' && path === '/v1/subscription_items') {
      const item = { id: newId('si'), subscription: form.subscription, price: form.price, ...(form.quantity ? { quantity: Number(form.quantity) } : {}), metadata };
      subscriptionItems.set(item.id, item);
      return { body: { ...item, object: 'subscription_item', price: priceOf(item.price) } };
    }
    const one = /^\/v1\/subscription_items\/([^/]+)$/.exec(path);
    if (!one) return undefined;
    const item = subscriptionItems.get(decodeURIComponent(one[1]));
    if (!item) return { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such subscription item' } } };
    if (method === 'DELETE') {
      subscriptionItems.delete(item.id);
      return { body: { id: item.id, object: 'subscription_item', deleted: true } };
    }
    if (method === 'POST' && form.price) item.price = form.price;
    return { body: { ...item, object: 'subscription_item', price: priceOf(item.price) } };
  }

  function builtIn(request: RecordedRequest): { status?: number; body: unknown } {
    const { method, path, form } = request;
    const key = request.headers['idempotency-key'];
    const replayKey = typeof key === 'string' && method !== 'GET' ? `${method} ${path} ${key}` : null;
    if (replayKey && replays.has(replayKey)) return replays.get(replayKey)!;
    const fromCatalog = catalog(request);
    if (fromCatalog) {
      if (replayKey && !fromCatalog.status) replays.set(replayKey, fromCatalog);
      return fromCatalog;
    }
    if (method === 'POST' && path === '/v1/customers') {
      // Stripe replays a request with the same Idempotency-Key: the same customer.
      const key = String(request.headers['idempotency-key'] ?? '');
      const id = (key && customers.get(key)) || newId('cus');
      if (key) customers.set(key, id);
      return { body: { id, object: 'customer', name: form.name ?? null, email: form.email ?? null, metadata: {} } };
    }
    if (method === 'GET' && path === '/v1/prices') {
      // The SDK encodes arrays as lookup_keys[0]=…&lookup_keys[1]=….
      const keys = [...request.query].filter(([name]) => /^lookup_keys(\[\d*\])?$/.test(name)).map(([, value]) => value);
      const data = keys.flatMap((key) => {
        const price = prices.get(key);
        return price ? [{ object: 'price', active: true, product: 'prod_fake', metadata: {}, ...price }] : [];
      });
      return { body: { object: 'list', data, has_more: false, url: '/v1/prices' } };
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const id = newId('cs');
      return { body: { id, object: 'checkout.session', url: `https://checkout.stripe.test/c/pay/${id}`, mode: form.mode, customer: form.customer } };
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      const id = newId('bps');
      return { body: { id, object: 'billing_portal.session', url: `https://billing.stripe.test/p/session/${id}`, customer: form.customer, return_url: form.return_url } };
    }
    if (method === 'POST' && path === '/v1/billing/meter_events') {
      return { body: { object: 'billing.meter_event', event_name: form.event_name, identifier: form.identifier, payload: { value: form['payload[value]'] }, timestamp: Number(form.timestamp), created: Math.floor(Date.now() / 1000), livemode: false } };
    }
    const subscription = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    if (subscription) {
      const found = subscriptions.get(decodeURIComponent(subscription[1]));
      if (!found) return { status: 404, body: { error: { type: 'invalid_request_error', message: 'No such subscription' } } };
      return { body: found };
    }
    const invoice = /^\/v1\/invoices\/([^/]+)$/.exec(path);
    if (method === 'GET' && invoice) {
      const found = invoices.get(decodeURIComponent(invoice[1]));
      if (!found) return { status: 404, body: { error: { type: 'invalid_request_error', message: 'No such invoice' } } };
      return { body: found };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `fake Stripe: no route for ${method} ${path}` } } };
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake-stripe');
      const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, form: decodeForm(Buffer.concat(chunks).toString('utf8')) };
      requests.push(request);
      let answer: { status?: number; body: unknown; headers?: Record<string, string> } | undefined;
      for (const handler of overrides) {
        answer = handler(request);
        if (answer) break;
      }
      answer ??= builtIn(request);
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', 'request-id': newId('req'), ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: (method, path) => requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))),
    prices,
    subscriptions,
    invoices,
    subscriptionItems,
    override: (handler) => overrides.push(handler),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The lookup keys of the shipped plans, with fake price ids (price_pro_monthly; price_pro_monthly_eur in euros). */
export function seedPrices(
  fake: FakeStripe,
  plans: readonly { id: string; stripeLookupKey: string | null; overageLookupKey: string | null; prices?: Record<string, { stripeLookupKey: string; overageLookupKey: string | null } | undefined> }[],
): void {
  for (const plan of plans) {
    if (plan.stripeLookupKey) fake.prices.set(plan.stripeLookupKey, { id: `price_${plan.id}_monthly`, lookup_key: plan.stripeLookupKey });
    if (plan.overageLookupKey) fake.prices.set(plan.overageLookupKey, { id: `price_${plan.id}_overage`, lookup_key: plan.overageLookupKey });
    for (const [currency, price] of Object.entries(plan.prices ?? {})) {
      if (!price) continue;
      fake.prices.set(price.stripeLookupKey, { id: `price_${plan.id}_monthly_${currency}`, lookup_key: price.stripeLookupKey });
      if (price.overageLookupKey) fake.prices.set(price.overageLookupKey, { id: `price_${plan.id}_overage_${currency}`, lookup_key: price.overageLookupKey });
    }
  }
}
