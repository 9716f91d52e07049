import { getLocale, getTranslations } from 'next-intl/server';
import { EventCatalog } from '@/components/webhooks/event-catalog';
import { eventTypesByResource, WEBHOOK_API_VERSION, WEBHOOK_HEADERS } from '@/lib/events/event-catalog-docs';
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from '@/lib/webhooks/retry-schedule';
import { code } from './docs-intro';

/** The Standard Webhooks headers' descriptions in the docs catalog (docs.webhookEvents.headers). */
const HEADER_KEYS: Record<(typeof WEBHOOK_HEADERS)[number]['name'], 'id' | 'timestamp' | 'signature'> = {
  'webhook-id': 'id',
  'webhook-timestamp': 'timestamp',
  'webhook-signature': 'signature',
};

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

type Words = Awaited<ReturnType<typeof getTranslations<'docs.webhookEvents'>>>;

const delay = (t: Words, seconds: number) =>
  seconds < 60 ? t('delay.seconds', { count: seconds }) : seconds < 3600 ? t('delay.minutes', { count: seconds / 60 }) : t('delay.hours', { count: seconds / 3600 });

/** How webhooks arrive, how to verify them, and every event type with an example. */
export async function WebhookEventsSection() {
  const t = await getTranslations('docs.webhookEvents');
  const headerWords = (key: (typeof HEADER_KEYS)[keyof typeof HEADER_KEYS]) =>
    key === 'signature' ? t.rich('headers.signature', { format: 'v1,<base64 HMAC-SHA256>', signed: '"<webhook-id>.<webhook-timestamp>.<raw body>"', c: code }) : t(`headers.${key}`);
  const delays = new Intl.ListFormat(await getLocale(), { type: 'unit', style: 'short' }).format(RETRY_DELAYS_SECONDS.slice(1).map((seconds) => delay(t, seconds)));
  return (
    <section aria-labelledby="webhook-events" className="flex flex-col gap-4">
      <h1 id="webhook-events" className="text-2xl font-bold text-slate-900">
        {t('title')}
      </h1>
      <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 text-sm leading-6 text-slate-700 shadow-sm">
        <p>{t('intro')}</p>
        <pre tabIndex={0} dir="ltr" aria-label={t('envelopeLabel')} className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
          <code>{ENVELOPE}</code>
        </pre>
        <div>
          <h2 className="font-semibold text-slate-900">{t('signatures.title')}</h2>
          <p>
            {t.rich('signatures.body', {
              c: code,
              link: (chunks) => (
                <a href="https://www.standardwebhooks.com" className="font-semibold text-brand-text underline">
                  {chunks}
                </a>
              ),
            })}
          </p>
          <dl className="mt-2 flex flex-col gap-2">
            {WEBHOOK_HEADERS.map((header) => (
              <div key={header.name}>
                <dt className="font-mono text-xs font-semibold text-slate-900">{header.name}</dt>
                <dd className="text-slate-700">{headerWords(HEADER_KEYS[header.name])}</dd>
              </div>
            ))}
          </dl>
        </div>
        <pre tabIndex={0} dir="ltr" className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100" aria-label={t('verifyLabel')}>
          <code>{VERIFY_SAMPLE}</code>
        </pre>
        <div>
          <h2 className="font-semibold text-slate-900">{t('retries.title')}</h2>
          <p>{t.rich('retries.body', { max: MAX_ATTEMPTS, delays, c: code })}</p>
        </div>
      </div>
      <EventCatalog groups={eventTypesByResource()} level={2} />
    </section>
  );
}
