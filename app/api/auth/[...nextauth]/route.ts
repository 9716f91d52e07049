import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { authOptionsFor } from '@/lib/auth/auth-options';
import { platformRoute, segments } from '@/lib/http/route';
import { badRequest } from '@/lib/http/problem';
import { readBytes } from '@/lib/http/read-bytes';

// next-auth runs per host: on a tenant host it signs in that tenant's members, on the root
// domain platform operators and reseller users. Its forms post from our own pages (and carry
// next-auth's CSRF token too). next-auth parses a JSON body with req.json() and answers an
// empty 500 when that throws, so the body is read and checked here first.

const MAX_BODY_BYTES = 16 * 1024;

async function checkedRequest(req: NextRequest): Promise<NextRequest> {
  if (req.method !== 'POST') return req;
  const bytes = await readBytes(req, MAX_BODY_BYTES);
  const type = req.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8') || 'null');
    } catch {
      throw badRequest('The request body is not valid JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('Send the fields as a JSON object.');
  }
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body: bytes.length ? new Uint8Array(bytes) : undefined });
}

// The client's IP and user agent go on the sessions it makes.
const handler = platformRoute({ host: 'any', auth: 'session', params: { nextauth: segments }, rawBody: true, sameOrigin: true }, async ({ req, tenant, params, ip }) =>
  NextAuth(await checkedRequest(req), { params: Promise.resolve({ nextauth: params.nextauth }) }, authOptionsFor(tenant, { ip, userAgent: req.headers.get('user-agent') })),
);

export { handler as GET, handler as POST };
