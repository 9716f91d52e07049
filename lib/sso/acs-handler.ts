import type { NextRequest } from 'next/server';
import { AppError, badRequest } from '../http/problem.ts';
import { readBytes } from '../http/read-bytes.ts';
import { limitAcs } from './acs-rate-limit.ts';
import { consumeSamlResponse } from './saml-acs.ts';
import { completeSsoSignIn } from './sso-sign-in.ts';

// The ACS's HTTP side, shared by the connection's own ACS URL and the older shared one: the
// HTTP-POST binding, rate limits, and a size cap before any XML is parsed.

/** Far above any real response (a signed assertion with a certificate and many groups is ~20 KB). */
export const MAX_ACS_BODY_BYTES = 256 * 1024;

function see(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

export async function handleAcsPost(req: NextRequest, ip: string | null, connectionId?: string): Promise<Response> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers.get('content-type') ?? '')) {
    throw new AppError(415, 'unsupported_media_type', 'The identity provider must post the SAMLResponse as a form (HTTP-POST binding).');
  }
  await limitAcs(ip, connectionId ?? null);
  const form = new URLSearchParams((await readBytes(req, MAX_ACS_BODY_BYTES)).toString('utf8'));
  const SAMLResponse = form.get('SAMLResponse');
  if (!SAMLResponse) throw badRequest('No SAMLResponse was posted.');
  const outcome = await consumeSamlResponse({ SAMLResponse, RelayState: form.get('RelayState') ?? '', connectionId });
  if (outcome.kind === 'sp') return see(outcome.redirectUrl);
  return see((await completeSsoSignIn(outcome.assertion, ip)).redirectUrl);
}

export const acsGetRefused = () => new AppError(405, 'method_not_allowed', 'This address receives sign-in responses from identity providers. Start from your workspace’s sign-in page.');
