import { z } from 'zod';
import { AppError } from '@/lib/http/problem';
import { workspaceRoute } from '@/lib/http/route';
import { turnOffEmail } from '@/lib/notifications/preferences';
import { verifyUnsubscribe } from '@/lib/notifications/unsubscribe';

// One-click unsubscribe (RFC 8058), public on the workspace's host: the URL's signed token is
// the credential, so no session and no same-origin check (mail providers POST it themselves,
// with the body List-Unsubscribe=One-Click). A GET only leads to the page that asks first.
const query = z.object({ u: z.string().min(1).max(100), s: z.string().min(1).max(40), t: z.string().min(1).max(100) });

function invalid(): AppError {
  return new AppError(400, 'invalid_unsubscribe_link', 'This unsubscribe link is not valid.');
}

export const GET = workspaceRoute({ auth: 'none', query }, async ({ tenant, query }) => {
  if (!verifyUnsubscribe(tenant.id, query.u, query.s, query.t)) throw invalid();
  return new Response(null, { status: 303, headers: { location: `/unsubscribe?${new URLSearchParams(query).toString()}`, 'cache-control': 'no-store' } });
});

export const POST = workspaceRoute({ auth: 'none', query, sameOrigin: false }, async ({ tenant, query }) => {
  if (!verifyUnsubscribe(tenant.id, query.u, query.s, query.t)) throw invalid();
  await turnOffEmail(tenant.id, query.u, query.s);
  return Response.json({ unsubscribed: true, scope: query.s }, { headers: { 'cache-control': 'no-store' } });
});
