import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import EmailProvider from 'next-auth/providers/email';
import type { JWT } from 'next-auth/jwt';
import { config } from '../config/env.ts';
import { db } from '../db/client.ts';
import type { SignInMethod } from '../db/generated/enums.ts';
import { SsoRequiredError, ssoRequiredFor } from '../sso/sso-policy.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { authenticate, isThrottleError } from './authenticate.ts';
import { clientIp } from './client-ip.ts';
import { hasTwoFactor, TwoFactorRequiredError } from './second-factor.ts';
import { markEmailVerified } from './email-verification.ts';
import { consumeLoginToken } from './login-token.ts';
import { findMemberByEmail, MAGIC_LINK_MAX_AGE_SECONDS, sendMagicLink } from './magic-link.ts';
import { magicLinkAdapter } from './magic-link-adapter.ts';
import { logger } from '../observability/logger.ts';
import { consumeImpersonationToken, endImpersonation, operatorOf } from '../platform/impersonation.ts';
import { isRestricted } from '../privacy/restriction.ts';
import { sessionSecret } from './session-secret.ts';
import { endSession, isSessionEnded, SESSION_MAX_AGE_SECONDS, SessionEndedError, sessionIsActive, startSession } from './user-sessions.ts';

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
    /** The server-side session (UserSession) this cookie stands for. */
    sessionId: string;
    /** Set when a platform operator is acting as the member. */
    impersonationId?: string;
  }
  interface User {
    /** Set by the hand-off provider: how the person proved who they are before it. */
    signInMethod?: SignInMethod;
    /** Set by the impersonate provider: the impersonation the session is for, and when it ends. */
    impersonation?: { id: string; expiresAt: Date };
  }
}

/** Where a sign-in request came from, recorded on the session it makes. */
export interface SignInClient {
  ip: string | null;
  userAgent: string | null;
}

/** Sign-in links by email, on tenant hosts only: operators sign in with a password. */
function magicLinkProvider(tenant: TenantContext) {
  return EmailProvider({
    maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
    sendVerificationRequest: ({ identifier, url, expires }) => sendMagicLink(tenant, { identifier, url, expires }),
  });
}

/** A platform operator's hand-off into an impersonation they started (lib/platform/impersonation.ts), on tenant hosts only. */
function impersonateProvider(tenantId: string) {
  return CredentialsProvider({
    id: 'impersonate',
    name: 'Support access',
    credentials: { token: { label: 'Token', type: 'text' } },
    async authorize(credentials) {
      if (typeof credentials?.token !== 'string') return null;
      const impersonation = await consumeImpersonationToken(credentials.token, tenantId);
      if (!impersonation) return null;
      const user = await db.user.findUnique({ where: { id: impersonation.userId }, select: { id: true, email: true, name: true } });
      return user ? { id: user.id, email: user.email, name: user.name, impersonation: { id: impersonation.id, expiresAt: impersonation.expiresAt } } : null;
    },
  });
}

function signInMethod(provider: string | undefined, user: { signInMethod?: SignInMethod }): SignInMethod {
  if (provider === 'email') return 'magic_link';
  if (provider === 'handoff' && user.signInMethod) return user.signInMethod;
  if (provider === 'impersonate') return 'impersonation';
  return 'password';
}

/** Refuses a token whose server-side session has ended or expired, and tokens from before sessions had one. */
async function assertSessionActive(token: JWT, tenantId: string | null): Promise<void> {
  if (typeof token.sid !== 'string' || typeof token.uid !== 'string') throw new SessionEndedError('The session cookie has no server-side session.');
  if (!(await sessionIsActive(token.sid, { userId: token.uid, tenantId }))) throw new SessionEndedError('The session has ended.');
}

/** A cookie next-auth could not decrypt (another host's key, an old secret) or that is not a JWT. */
function isForeignCookie(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && code.startsWith('ERR_JW')) || (error instanceof Error && error.message === 'JWT invalid');
}

/**
 * next-auth configuration for one host. Sessions are JWTs in host-only cookies and carry the
 * tenant they were made on, so a cookie from acme is never valid on globex; each also names
 * its server-side session (lib/auth/user-sessions.ts), which every read checks. `client`:
 * the request, when it may sign someone in (the next-auth route handler).
 */
export function authOptionsFor(tenant: TenantContext | null, client: SignInClient | null = null): NextAuthOptions {
  const tenantId = tenant?.id ?? null;
  return {
    secret: sessionSecret(tenantId ?? 'platform'),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: config.secureCookies,
    logger: {
      error(code, metadata) {
        if (code === 'JWT_SESSION_ERROR') {
          // An ended session (signed out, revoked) is routine: the cookie is cleared, nothing to report.
          if (isSessionEnded(metadata)) return;
          // A cookie from another host (or an old secret) is an expected, harmless event.
          if (isForeignCookie(metadata)) return void logger().warn('auth: ignored a session cookie that was not issued for this host');
        }
        logger().error({ err: metadata, code }, 'auth: next-auth error');
      },
      warn(code) {
        if (code !== 'DEBUG_ENABLED') logger().warn({ code }, 'auth: next-auth warning');
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
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' }, code: { label: 'Authentication code', type: 'text' } },
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
          const handoff = await consumeLoginToken(credentials.token, tenantId);
          if (!handoff) return null;
          const user = await db.user.findUnique({ where: { id: handoff.userId }, select: { id: true, email: true, name: true, totpEnabledAt: true } });
          if (!user) return null;
          // A sign-up or invitation link proves the address, not the second factor: people
          // with 2FA sign in with their password and a code instead. SSO is exempt: the
          // identity provider does its own multi-factor authentication.
          if (user.totpEnabledAt && handoff.method !== 'sso') throw new TwoFactorRequiredError();
          return { id: user.id, email: user.email, name: user.name, signInMethod: handoff.method };
        },
      }),
      ...(tenant ? [impersonateProvider(tenant.id)] : []),
      ...(tenant ? [magicLinkProvider(tenant)] : []),
    ],
    events: {
      async signOut({ token }) {
        // Signing out of an impersonation ends it (and its session); anything else ends the session.
        const operator = typeof token?.imp === 'string' ? await operatorOf(token.imp) : null;
        if (operator && typeof token?.imp === 'string') await endImpersonation(token.imp, { kind: 'operator', actor: operator });
        else if (typeof token?.sid === 'string') await endSession(token.sid, 'signed_out');
      },
    },
    callbacks: {
      async signIn({ user, account, email }) {
        // Processing frozen on the person's request (lib/privacy/restriction.ts): no sign-in of any kind.
        if (await isRestricted({ id: user.id, email: user.email })) return false;
        // Asking for a link always "succeeds" (sendMagicLink quietly skips non-members);
        // using one requires membership at that moment.
        if (account?.type !== 'email') return true;
        // Where SSO is required, no sign-in link is sent or honoured (thrown: next-auth puts
        // the error's string form in the error URL the form reads).
        if (tenantId && user.email && (await ssoRequiredFor(tenantId, user.email))) throw new SsoRequiredError();
        if (email?.verificationRequest) return true;
        const member = tenantId && user.email ? await findMemberByEmail(tenantId, user.email) : null;
        if (!member) return false;
        // An emailed link is one factor: accounts with 2FA sign in with password and code.
        if (await hasTwoFactor(member.id)) throw new TwoFactorRequiredError();
        // The link came to this address: it is proven now (before the session is made, since
        // taking over an unverified account ends its sessions).
        await markEmailVerified(db, member.id);
        return true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          const session = await startSession({
            userId: user.id,
            tenantId,
            method: signInMethod(account?.provider, user),
            ip: client?.ip ?? null,
            userAgent: client?.userAgent ?? null,
            ...(user.impersonation ? { impersonation: user.impersonation } : {}),
          });
          return { ...token, uid: user.id, tid: tenantId, sat: session.createdAt.getTime(), sid: session.id, ...(user.impersonation ? { imp: user.impersonation.id } : {}) };
        }
        // Every read of a session: throwing here makes next-auth clear the cookie and answer none.
        await assertSessionActive(token, tenantId);
        return token;
      },
      async session({ session, token }) {
        session.userId = token.uid as string;
        session.tenantId = (token.tid as string | null) ?? null;
        session.signedInAt = typeof token.sat === 'number' ? token.sat : null;
        session.sessionId = token.sid as string;
        if (typeof token.imp === 'string') session.impersonationId = token.imp;
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
