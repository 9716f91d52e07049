import { createHash } from 'node:crypto';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { resolveFeed } from './feed-links.ts';
import { feedItems } from './feed-items.ts';
import { renderFeed } from './render-feed.ts';
import { knownZone } from './zone-time.ts';

// GET /api/calendar-feed/<feedId>/<token>.ics: the whole answer, including the conditional
// GET. Calendar apps poll every few minutes to hours; an unchanged feed costs them a 304.

export type FeedAnswer = { status: 404 } | { status: 200 | 304; etag: string; body: string };

/** "abc", W/"abc", a list, or *. */
function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

export async function serveFeed(tenant: TenantContext, feedId: string, file: string, ifNoneMatch: string | null, now: Date = new Date()): Promise<FeedAnswer> {
  const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
  const feed = await resolveFeed(tenant.id, feedId, token, now);
  if (!feed) return { status: 404 };
  const timeZone = knownZone(feed.timeZone ?? tenant.timeZone);
  const body = renderFeed({ tenant: { slug: tenant.slug, name: tenant.name, terminology: tenant.branding.terminology }, timeZone }, await feedItems(tenant.id, feed.userId, timeZone));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { status: etagMatches(ifNoneMatch, etag) ? 304 : 200, etag, body };
}
