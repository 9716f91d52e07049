import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import EmailProvider from 'next-auth/providers/email';
import { config } from '../config/env.ts';
import { db } from '../db/client.ts';
import { SsoRequiredError, ssoRequiredFor } from '../sso/sso-policy.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { authenticate, isThrottleError } from './authenticate.ts';
import { clientIp } from './client-ip.ts';
import { consumeLoginToken } from './login-token.ts';
import { findMemberByEmail, MAGIC_LINK_MAX_AGE_SECONDS, sendMagicLink } from './magic-link.ts';
import { magicLinkAdapter } from './magic-link-adapter.ts';
import { sessionSecret } from './session-secret.ts';

// next-auth builds callback URLs from the request's host (proxy.ts pins x-forwarded-host
// to the host it resolved); without this it would use one fixed NEXTAUTH_URL for every tenant.
process.env.AUTH_TRUST_HOST ??= 'true';

declare module 'next-auth' {
  interface Session {
    userId: string;
    /** The tenant the session was created on; null for platform operators on the root domain. */
    tenantId: string | null;
    /** When this sign-in happened (ms); sessions from before the membership existed are refused. */
    signedInAt: number | null;
  }
}

/** Sign-in links by email, on tenant hosts only: operators sign in with a password. */
function magicLinkProvider(tenant: TenantContext) {
  return EmailProvider({
    maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
    sendVerificationRequest: ({ identifier, url, expires }) => sendMagicLink(tenant, { identifier, url, expires }),
  });
}

/**
 * next-auth configuration for one host. Sessions are JWTs in host-only cookies and carry the
 * tenant they were made on, so a cookie from acme is never valid on globex.
 */
export function authOptionsFor(tenant: TenantContext | null): NextAuthOptions {
  const tenantId = tenant?.id ?? null;
  return {
    secret: sessionSecret(tenantId ?? 'platform'),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    useSecureCookies: config.secureCookies,
    logger: {
      error(code, metadata) {
        // A cookie from another host (or an old secret) is an expected, harmless event.
        if (code === 'JWT_SESSION_ERROR') console.warn('[auth] ignored a session cookie that was not issued for this host');
        else console.error(`[auth] ${code}`, metadata);
      },
      warn(code) {
        if (code !== 'DEBUG_ENABLED') console.warn(`[auth] ${code}`);
      },
      debug() {},
    },
    pages: tenant ? { signIn: '/signin', error: '/signin', verifyRequest: '/signin?check-email=1' } : { signIn: '/operator/signin', error: '/operator/signin' },
    // Only the Email provider uses it, and only for this tenant's members.
    adapter: tenant ? magicLinkAdapter(tenant.id) : undefined,
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          try {
            return await authenticate(credentials, tenantId, clientIp(req.headers ?? {}));
          } catch (error) {
            // next-auth passes an Error's message back to the sign-in form (SsoRequired included).
            if (isThrottleError(error)) throw new Error(error.message);
            throw error;
          }
        },
      }),
      CredentialsProvider({
        id: 'handoff',
        name: 'Sign-up hand-off',
        credentials: { token: { label: 'Token', type: 'text' } },
        async authorize(credentials) {
          if (!tenantId || typeof credentials?.token !== 'string') return null;
          const userId = await consumeLoginToken(credentials.token, tenantId);
          if (!userId) return null;
          const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
          return user;
        },
      }),
      ...(tenant ? [magicLinkProvider(tenant)] : []),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        // Asking for a link always "succeeds" (sendMagicLink quietly skips non-members);
        // using one requires membership at that moment.
        if (account?.type !== 'email') return true;
        // Where SSO is required, no sign-in link is sent or honoured (thrown: next-auth puts
        // the error's string form in the error URL the form reads).
        if (tenantId && user.email && (await ssoRequiredFor(tenantId, user.email))) throw new SsoRequiredError();
        if (email?.verificationRequest) return true;
        return !!tenantId && !!user.email && !!(await findMemberByEmail(tenantId, user.email));
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.tid = tenantId;
          token.sat = Date.now();
        }
        return token;
      },
      async session({ session, token }) {
        session.userId = token.uid as string;
        session.tenantId = (token.tid as string | null) ?? null;
        session.signedInAt = typeof token.sat === 'number' ? token.sat : null;
        return session;
      },
      async redirect({ url, baseUrl }) {
        // Only ever back to this host.
        if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          // fall through
        }
        return baseUrl;
      },
    },
  };
}
