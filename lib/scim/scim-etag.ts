import { createHash } from 'node:crypto';
import { ScimError } from './scim-errors.ts';

// ETags (RFC 7644 §3.14): meta.version is a weak tag of the stored state, also sent as the ETag
// header. If-None-Match on a GET answers 304 when the client's copy is current; If-Match on a
// PUT, PATCH or DELETE answers 412 when the resource changed since (checked on the locked row).

/** A weak tag of the resource's stored fields. */
export function etagOf(fields: unknown[]): string {
  return `W/"${createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 22)}"`;
}

/** The tags of an If-Match / If-None-Match header, weak or strong alike ("*" included). */
function tags(header: string): string[] {
  return header.split(',').map((tag) => tag.trim().replace(/^W\//, '')).filter(Boolean);
}

function matches(header: string, etag: string): boolean {
  const list = tags(header);
  return list.includes('*') || list.includes(etag.replace(/^W\//, ''));
}

export function assertIfMatch(ifMatch: string | null, etag: string): void {
  if (ifMatch !== null && !matches(ifMatch, etag)) {
    throw new ScimError(412, 'The resource changed since the version in If-Match: read it again, then retry.');
  }
}

export function isNotModified(ifNoneMatch: string | null, etag: string): boolean {
  return ifNoneMatch !== null && matches(ifNoneMatch, etag);
}
