import { receiveGooglePush } from '@/lib/integrations/google-calendar/google-push';
import { notFound, unauthorized } from '@/lib/http/problem';
import { platformRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/**
 * Google Calendar's push notifications for watch channels, at INTEGRATIONS_PUSH_URL (any host:
 * proxy.ts passes it through, as it may be a public host of its own). The body is empty; the X-Goog-Channel-* headers say which channel,
 * and its token (checked in constant time) that the message is Google's. 200 once a sync is
 * asked for (or the channel's first "sync" message); 404 for a channel we do not have (Google
 * then stops sending), 401 for a wrong token.
 */
export const POST = platformRoute({ host: 'any', auth: 'signature' }, async ({ req }) => {
  const outcome = await receiveGooglePush(req.headers);
  if (outcome === 'unknown_channel') throw notFound('No such push channel.');
  if (outcome === 'bad_token') throw unauthorized('The channel token does not match.');
  return Response.json({ received: true, outcome }, { headers: { 'cache-control': 'no-store' } });
});
