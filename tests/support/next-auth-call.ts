import NextAuth, { type NextAuthOptions } from 'next-auth';
import { authOptionsFor } from '../../lib/auth/auth-options.ts';
import type { TenantContext } from '../../lib/tenancy/tenant-context.ts';

// Calls next-auth the way app/api/auth/[...nextauth] does, on a tenant's host, and the two
// sign-ins of the sign-in form (password, sign-in link) on top of it.

/** What the route handler records on the sessions it makes (lib/auth/auth-options.ts). */
export const TEST_CLIENT_IP = '203.0.113.77';
export const TEST_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

export interface AuthResponse {
  status: number;
  location: string | null;
  cookies: Record<string, string>;
  body: unknown;
}

export async function callAuth(
  tenant: TenantContext,
  method: 'GET' | 'POST',
  route: string[],
  options: { query?: Record<string, string>; body?: Record<string, string>; cookies?: Record<string, string>; userAgent?: string } = {},
): Promise<AuthResponse> {
  const result: AuthResponse = { status: 200, location: null, cookies: {}, body: undefined };
  const headers = new Map<string, string | string[]>();
  const res = {
    status(code: number) {
      result.status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
      if (name.toLowerCase() === 'location') result.location = String(value);
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end() {},
    json(body: unknown) {
      result.body = body;
    },
    send(body: unknown) {
      result.body = body;
    },
  };
  const req = {
    method,
    query: { nextauth: route, ...options.query },
    body: options.body ?? {},
    cookies: options.cookies ?? {},
    headers: { host: `${tenant.slug}.localhost:3100`, 'x-forwarded-proto': 'http' },
  };
  const client = { ip: TEST_CLIENT_IP, userAgent: options.userAgent ?? TEST_USER_AGENT };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: NextAuthOptions) => Promise<void>)(req, res, authOptionsFor(tenant, client));
  for (const header of [headers.get('set-cookie') ?? []].flat()) {
    const [pair] = header.split(';');
    const index = pair.indexOf('=');
    result.cookies[pair.slice(0, index)] = decodeURIComponent(pair.slice(index + 1));
  }
  return result;
}

async function csrf(tenant: TenantContext) {
  const response = await callAuth(tenant, 'GET', ['csrf']);
  return { csrfToken: (response.body as { csrfToken: string }).csrfToken, cookies: { 'next-auth.csrf-token': response.cookies['next-auth.csrf-token'] } };
}

/** The sign-in form's password sign-in; answers the URL next-auth sends the form (…?error=… on failure). */
export async function passwordSignIn(tenant: TenantContext, email: string, password: string, code?: string): Promise<AuthResponse> {
  const { csrfToken, cookies } = await csrf(tenant);
  return callAuth(tenant, 'POST', ['callback', 'credentials'], { body: { email, password, ...(code === undefined ? {} : { code }), csrfToken, json: 'true' }, cookies });
}

/** The sign-up/invitation/SSO hand-off page's sign-in with a one-time token. */
export async function handoffSignIn(tenant: TenantContext, token: string): Promise<AuthResponse> {
  const { csrfToken, cookies } = await csrf(tenant);
  return callAuth(tenant, 'POST', ['callback', 'handoff'], { body: { token, csrfToken, json: 'true' }, cookies });
}

/** The sign-in form's "Email me a link"; answers the URL next-auth sends the form. */
export async function requestSignInLink(tenant: TenantContext, email: string): Promise<string> {
  const { csrfToken, cookies } = await csrf(tenant);
  const answer = await callAuth(tenant, 'POST', ['signin', 'email'], { body: { email, csrfToken, callbackUrl: '/', json: 'true' }, cookies });
  return (answer.body as { url: string }).url;
}

/** The impersonation hand-off page's sign-in (an operator's one-time token from startImpersonation). */
export async function impersonateSignIn(tenant: TenantContext, token: string): Promise<AuthResponse> {
  const { csrfToken, cookies } = await csrf(tenant);
  return callAuth(tenant, 'POST', ['callback', 'impersonate'], { body: { token, csrfToken, json: 'true' }, cookies });
}
