import { z } from 'zod';
import { serveFeed } from '@/lib/integrations/calendar-feed/serve-feed';
import { notFound } from '@/lib/http/problem';
import { id, workspaceRoute } from '@/lib/http/route';

/** The secret part of the URL, with or without the .ics that calendar apps like to see. */
const feedFile = z.string().regex(/^[A-Za-z0-9_-]{10,200}(\.ics)?$/);

/**
 * A member's calendar feed (iCalendar), public on the workspace's host: the URL's token is the
 * credential. Unknown, revoked and other workspaces' feeds are all the same 404.
 */
export const GET = workspaceRoute({ auth: 'none', params: { feedId: id, file: feedFile } }, async ({ tenant, params, req }) => {
  const answer = await serveFeed(tenant, params.feedId, params.file, req.headers.get('if-none-match'));
  if (answer.status === 404) throw notFound('No such calendar feed.');
  const headers = {
    etag: answer.etag,
    // Personal data behind a secret URL: no shared or disk cache keeps it; clients still revalidate with If-None-Match.
    'cache-control': 'private, no-store',
    'x-robots-tag': 'noindex',
  };
  if (answer.status === 304) return new Response(null, { status: 304, headers });
  return new Response(answer.body, { status: 200, headers: { ...headers, 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="calendar.ics"' } });
});
