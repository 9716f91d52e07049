import type { NextRequest } from 'next/server';
import { clientIp } from '@/lib/auth/client-ip';
import { AppError, badRequest } from '@/lib/http/problem';
import { readBytes } from '@/lib/http/read-bytes';
import { consumeSamlResponse } from '@/lib/sso/saml-acs';
import { completeSsoSignIn } from '@/lib/sso/sso-sign-in';
import { ssoErrorPage } from '@/lib/sso/sso-page';

// The SAML assertion consumer service (HTTP-POST binding), on the platform origin for every
// workspace. IdPs post here for SP- and IdP-initiated sign-in; the person then finishes on
// their workspace's host through the one-time hand-off.
export const runtime = 'nodejs';

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function POST(req: NextRequest): Promise<Response> {
  try {
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers.get('content-type') ?? '')) {
      throw new AppError(415, 'unsupported_media_type', 'The identity provider must post the SAMLResponse as a form (HTTP-POST binding).');
    }
    const form = new URLSearchParams((await readBytes(req, MAX_BODY_BYTES)).toString('utf8'));
    const SAMLResponse = form.get('SAMLResponse');
    if (!SAMLResponse) throw badRequest('No SAMLResponse was posted.');
    const assertion = await consumeSamlResponse({ SAMLResponse, RelayState: form.get('RelayState') ?? '' });
    const { redirectUrl } = await completeSsoSignIn(assertion, clientIp(req.headers));
    return new Response(null, { status: 303, headers: { location: redirectUrl, 'cache-control': 'no-store' } });
  } catch (error) {
    return ssoErrorPage(error);
  }
}

export function GET(): Response {
  return ssoErrorPage(new AppError(405, 'method_not_allowed', 'This address receives sign-in responses from identity providers. Start from your workspace’s sign-in page.'));
}
