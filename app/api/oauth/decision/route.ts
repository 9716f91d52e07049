import { signInUrl } from '@/lib/auth/callback-url';
import { clientIp } from '@/lib/auth/client-ip';
import { getCurrentMember } from '@/lib/auth/session';
import { AppError } from '@/lib/http/problem';
import { withErrors, withTenant } from '@/lib/http/wrappers';
import { decideAuthorization } from '@/lib/oauth/authorize';
import { carriedParams } from '@/lib/oauth/authorize-request';
import { readDecisionForm } from '@/lib/oauth/decision-form';

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

/**
 * The consent form's POST (Allow or Deny): answers 303 to the app's redirect URI with a code or
 * an error. CSRF: the form's signed consent_token (lib/oauth/consent-token.ts). Without a
 * session, with an expired or altered form, or when the request is no longer valid (e.g. the
 * app was deleted meanwhile), the browser goes back to the authorization request, which signs
 * in, asks again or shows the error.
 */
export const POST = withErrors(
  withTenant(async (req, { tenant }) => {
    const form = await readDecisionForm(req);
    const again = `/oauth/authorize?${new URLSearchParams(carriedParams(form))}`;
    const member = await getCurrentMember(tenant);
    if (!member) return seeOther(signInUrl(again));
    try {
      return seeOther((await decideAuthorization(tenant, member, form, clientIp(req.headers))).to);
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return seeOther(again);
      throw error;
    }
  }),
);
