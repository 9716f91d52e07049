import type { Adapter, AdapterUser, VerificationToken } from 'next-auth/adapters';
import { db, Prisma } from '../db/client.ts';
import { findMemberByEmail, type MemberUser } from './magic-link.ts';

// The smallest next-auth adapter the Email provider needs with JWT sessions (see
// next-auth/core/routes/callback.js and core/lib/callback-handler.js): verification tokens,
// and users looked up by email or id. It knows only the members of one tenant and never
// creates accounts: people join through invitations or sign-up.
// Tokens arrive already hashed by next-auth (SHA-256 with the tenant's secret). Their
// identifier is stored as "<tenantId>:<email>", so a link made on one tenant is unknown on
// every other.

function toAdapterUser(user: MemberUser | null): AdapterUser | null {
  return user ? { id: user.id, email: user.email, name: user.name, emailVerified: null } : null;
}

export function magicLinkAdapter(tenantId: string): Adapter {
  const scoped = (email: string) => `${tenantId}:${email.trim().toLowerCase()}`;

  return {
    /**
     * Stored for every address, member or not: the same work either way, so the answer's timing
     * does not tell them apart. A non-member's token is never emailed, and using one is refused.
     */
    async createVerificationToken({ identifier, token, expires }: VerificationToken) {
      await db.verificationToken.create({ data: { identifier: scoped(identifier), token, expires } });
      // Keep the table small: now and then, drop every expired token.
      if (Math.random() < 0.05) await db.verificationToken.deleteMany({ where: { expires: { lt: new Date() } } });
      return { identifier, token, expires };
    },

    /** Deletes and returns the token: one DELETE, so two clicks on one link cannot both sign in. */
    async useVerificationToken({ identifier, token }) {
      if (typeof identifier !== 'string' || typeof token !== 'string') return null;
      try {
        const row = await db.verificationToken.delete({ where: { identifier_token: { identifier: scoped(identifier), token } } });
        return { identifier, token: row.token, expires: row.expires };
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
        throw error;
      }
    },

    async getUserByEmail(email) {
      return toAdapterUser(await findMemberByEmail(tenantId, email));
    },

    async getUser(id) {
      const user = await db.user.findFirst({ where: { id, memberships: { some: { tenantId } } }, select: { id: true, email: true, name: true } });
      return toAdapterUser(user);
    },

    /** next-auth records emailVerified after a link is used; the signIn callback already did (lib/auth/email-verification.ts). */
    async updateUser({ id }) {
      const user = await db.user.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, name: true } });
      return { id: user.id, email: user.email, name: user.name, emailVerified: null };
    },

    async createUser() {
      throw new Error('Sign-in links are for existing members only; they never create accounts.');
    },
  };
}
