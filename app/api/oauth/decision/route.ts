import { memberFromRequest } from '@/lib/auth/request-session';
import { signInUrl } from '@/lib/auth/callback-url';
import { AppError } from '@/lib/http/problem';
import { workspaceRoute } from '@/lib/http/route';
import { decideAuthorization } from '@/lib/oauth/authorize';
import { carriedParams } from '@/lib/oauth/authorize-request';
import { readDecisionForm } from '@/lib/oauth/decision-form';

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

/**
 * The consent form's POST (Allow or Deny): answers 303 to the app's redirect URI with a code or
 * an error. CSRF: the same-origin check and the form's signed consent_token
 * (lib/oauth/consent-token.ts). Without a session, with an expired or altered form, or when the
 * request is no longer valid (e.g. the app was deleted meanwhile), the browser goes back to the
 * authorization request, which signs in, asks again or shows the error. The form may be
 * urlencoded or multipart, so the route reads it itself.
 */
export const POST = workspaceRoute({ auth: 'none', rawBody: true }, async ({ req, tenant, ip }) => {
  const form = await readDecisionForm(req);
  const again = `/oauth/authorize?${new URLSearchParams(carriedParams(form))}`;
  const member = await memberFromRequest(req, tenant);
  if (!member) return seeOther(signInUrl(again));
  // Granting an app access is the member's own decision, as their account settings are.
  if (member.impersonation) throw new AppError(403, 'impersonation_forbidden', `You are acting as ${member.email}: only they can authorize apps.`);
  try {
    return seeOther((await decideAuthorization(tenant, member, form, ip)).to);
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return seeOther(again);
    throw error;
  }
});
