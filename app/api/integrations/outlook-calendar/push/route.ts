import { badRequest } from '@/lib/http/problem';
import { readJson } from '@/lib/http/read-json';
import { platformRoute } from '@/lib/http/route';
import { parseNotifications, receiveGraphNotifications } from '@/lib/integrations/outlook-calendar/graph-subscriptions';

export const dynamic = 'force-dynamic';

/**
 * Microsoft Graph change notifications for Outlook calendar subscriptions, at INTEGRATIONS_PUSH_URL
 * (any host: proxy.ts passes it through, as it may be a public host of its own). Subscribing, Graph first POSTs ?validationToken=… and expects
 * it back as text/plain within 10 s. Notifications carry each subscription's clientState
 * (checked in constant time); a known one asks for a sync. 202 for any well-formed batch, as
 * Graph expects (it retries anything else); what was dropped is only counted.
 */
export const POST = platformRoute({ host: 'any', auth: 'signature' }, async ({ req }) => {
  const validationToken = new URL(req.url).searchParams.get('validationToken');
  if (validationToken !== null) {
    if (validationToken.length === 0 || validationToken.length > 1024) throw badRequest('The validation token is empty or too long.');
    return new Response(validationToken, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } });
  }
  const notifications = parseNotifications(await readJson(req, 256 * 1024));
  if (!notifications) throw badRequest('Expected Microsoft Graph change notifications: { "value": [{ "subscriptionId", "clientState", … }] }.');
  const outcome = await receiveGraphNotifications(notifications);
  return Response.json({ received: true, ...outcome }, { status: 202, headers: { 'cache-control': 'no-store' } });
});
