import { EventCatalog } from '@/components/webhooks/event-catalog';
import { eventTypesByResource, WEBHOOK_API_VERSION, WEBHOOK_HEADERS } from '@/lib/events/event-catalog-docs';
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from '@/lib/webhooks/retry-schedule';

const VERIFY_SAMPLE = `// npm install standardwebhooks
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.WAYPOINT_WEBHOOK_SECRET); // whsec_…

// A Next.js route handler; any framework works the same way.
export async function POST(req) {
  // The raw body: parsing and re-serialising it would break the signature.
  const body = await req.text();
  let event;
  try {
    event = webhook.verify(body, Object.fromEntries(req.headers));
  } catch {
    return new Response('Invalid signature', { status: 400 });
  }
  // event.id is the same on every retry: skip ids you have already handled.
  console.log(event.type, event.data);
  return new Response(null, { status: 204 });
}`;

const ENVELOPE = `{
  "id": "evt_…",
  "type": "goal.created",
  "created_at": "2026-11-21T10:00:00.000Z",
  "tenant_id": "…",
  "data": { … },
  "api_version": "${WEBHOOK_API_VERSION}"
}`;

const delay = (seconds: number) => (seconds < 60 ? `${seconds} seconds` : seconds < 3600 ? `${seconds / 60} minutes` : `${seconds / 3600} hours`);

const code = (text: string) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]">{text}</code>;

/** How webhooks arrive, how to verify them, and every event type with an example. */
export function WebhookEventsSection() {
  return (
    <section aria-labelledby="webhook-events" className="flex flex-col gap-4">
      <h1 id="webhook-events" className="text-2xl font-bold text-slate-900">
        Webhook events
      </h1>
      <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 text-sm leading-6 text-slate-700 shadow-sm">
        <p>
          Each event is POSTed as JSON to every enabled endpoint subscribed to its type. The body is an envelope around the event&apos;s data; receivers should ignore
          fields they do not know.
        </p>
        <pre tabIndex={0} aria-label="The envelope" className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
          <code>{ENVELOPE}</code>
        </pre>
        <div>
          <h2 className="font-semibold text-slate-900">Signatures</h2>
          <p>
            Deliveries are signed the <a href="https://www.standardwebhooks.com" className="font-semibold text-brand-text underline">Standard Webhooks</a> way, so any of
            its libraries verifies them with the endpoint&apos;s {code('whsec_')} secret:
          </p>
          <dl className="mt-2 flex flex-col gap-2">
            {WEBHOOK_HEADERS.map((header) => (
              <div key={header.name}>
                <dt className="font-mono text-xs font-semibold text-slate-900">{header.name}</dt>
                <dd className="text-slate-700">{header.description}</dd>
              </div>
            ))}
          </dl>
        </div>
        <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100" aria-label="Verifying a webhook in JavaScript">
          <code>{VERIFY_SAMPLE}</code>
        </pre>
        <div>
          <h2 className="font-semibold text-slate-900">Retries</h2>
          <p>
            Answer with any 2xx within 10 seconds. Anything else is retried, up to {MAX_ATTEMPTS} attempts in all, after{' '}
            {RETRY_DELAYS_SECONDS.slice(1).map(delay).join(', ')}; {code('Retry-After')} is honoured on 429 and 503. A 410 Gone switches the endpoint off. Failed
            deliveries can be replayed from the endpoint&apos;s page or the API.
          </p>
        </div>
      </div>
      <EventCatalog groups={eventTypesByResource()} level={2} />
    </section>
  );
}
