import { headers } from 'next/headers';
import { readTrusted } from '../http/trusted-headers.ts';
import { noteRequest } from './request-meta.ts';

/**
 * Answers the page being rendered with `status` instead of 200, for statuses the App Router
 * cannot make itself (it has notFound, forbidden and unauthorized only), e.g. a 400 for a
 * malformed request shown on a page. Waypoint's HTTP server applies it; call it before the
 * page's content streams (pages without a Suspense boundary above them).
 */
export async function setPageStatus(status: number): Promise<void> {
  noteRequest(readTrusted(await headers()).requestId, { status });
}
