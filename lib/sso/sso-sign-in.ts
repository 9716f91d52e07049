import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { markEmailVerified } from '../auth/email-verification.ts';
import { issueLoginToken } from '../auth/login-token.ts';
import { PLAN_UPGRADE_REQUIRED } from '../billing/entitlements.ts';
import { assertSeatAvailable } from '../billing/seats.ts';
import { config, tenantOrigin } from '../config/env.ts';
import { db, Prisma } from '../db/client.ts';
import { emitEvent } from '../events/domain-events.ts';
import { AppError } from '../http/problem.ts';
import { parseHost } from '../tenancy/parse-host.ts';
import { getTenantById, resolveTenant } from '../tenancy/tenant-cache.ts';
import { isServable, type TenantContext } from '../tenancy/tenant-context.ts';
import { emailDomain, isVerifiedEmailDomain } from './email-domain.ts';
import { attributeValues, mappedRole, roleForSignIn } from './role-mapping.ts';
import type { SsoAssertion, SsoProfile } from './saml-acs.ts';
import { ssoAvailable } from './sso-available.ts';
import { loadSsoPolicy } from './sso-config.ts';
import { boundConnectionOf } from './sso-domains.ts';
import { SsoSignInError } from './sso-error.ts';

// Finishes a verified SSO sign-in: just-in-time provisioning (the user and the
// membership, with the default or mapped role, within the plan's member limit; later sign-ins
// update the name and the mapped role), then a one-time login token that the workspace's own host trades for a session
// (cookies are host-only, and the ACS is on the platform's root domain).

export interface SsoSignInResult {
  tenantId: string;
  userId: string;
  /** The hand-off page on the workspace's host. */
  redirectUrl: string;
}

const emailSchema = z.string().trim().toLowerCase().email().max(254);

/** The host to finish on: where an SP-initiated sign-in started, if it is this tenant's; else the tenant's subdomain. */
async function returnOrigin(tenant: TenantContext, assertion: SsoAssertion): Promise<string> {
  const fallback = tenantOrigin(tenant.slug);
  if (!assertion.state) return fallback;
  const url = new URL(assertion.state.origin);
  const owner = await resolveTenant(parseHost(url.host, config.rootDomain));
  if (owner?.id !== tenant.id) throw new SsoSignInError(403, 'sso_wrong_workspace', 'This sign-in response is for another workspace.', `${fallback}/signin`);
  return url.origin;
}

function displayName(profile: SsoProfile): string | null {
  const name = [profile.firstName, profile.lastName].filter((part) => typeof part === 'string' && part.trim()).join(' ').trim();
  return name ? name.slice(0, 120) : null;
}

/** The member limit refused a first sign-in: the person cannot fix it, a workspace owner can. */
function noSeatLeft(tenant: TenantContext, back: string): SsoSignInError {
  return new SsoSignInError(
    403,
    'sso_member_limit_reached',
    `${tenant.name} has reached the member limit of its plan, so your account could not be added. Ask an owner of ${tenant.name} to remove a member or upgrade the plan.`,
    back,
  );
}

export async function completeSsoSignIn(assertion: SsoAssertion, ip: string | null = null): Promise<SsoSignInResult> {
  const tenant = await getTenantById(assertion.tenantId);
  if (!tenant || !isServable(tenant.status)) throw new SsoSignInError(403, 'workspace_unavailable', 'This workspace is not available.');
  const origin = await returnOrigin(tenant, assertion);
  const back = `${origin}/signin`;
  if (!(await ssoAvailable(tenant))) throw new SsoSignInError(403, 'sso_unavailable', `Single sign-on is not available for ${tenant.name} on its current plan.`, back);

  const parsedEmail = emailSchema.safeParse(assertion.profile.email);
  if (!parsedEmail.success) {
    throw new SsoSignInError(403, 'sso_no_email', 'Your identity provider did not send an email address. Ask your administrator to send it as the NameID or an "email" attribute.', back);
  }
  const email = parsedEmail.data;
  if (!(await isVerifiedEmailDomain(tenant.id, email))) {
    throw new SsoSignInError(403, 'sso_domain_not_verified', `${emailDomain(email)} is not a verified domain of ${tenant.name}, so its addresses cannot sign in through single sign-on.`, back);
  }
  // An SSO domain signs in through the connection it is bound to, not through any IdP of the workspace.
  const bound = await boundConnectionOf(tenant.id, emailDomain(email)!);
  if (bound !== undefined && bound !== assertion.connectionId) {
    throw new SsoSignInError(403, 'sso_wrong_connection', `${emailDomain(email)} does not sign in to ${tenant.name} through this identity provider. Start from the sign-in page with your work email.`, back);
  }

  const name = displayName(assertion.profile);
  const policy = await loadSsoPolicy(tenant.id);
  const mapped = mappedRole(attributeValues(assertion.profile.raw as Record<string, unknown>, policy.roleAttribute), policy.roleMapping);
  const hasMapping = policy.roleMapping.length > 0;
  const via = { via: 'sso', connectionId: assertion.connectionId };

  const run = () =>
    db.$transaction(async (tx) => {
      const user = (await tx.user.findUnique({ where: { email }, select: { id: true, name: true } })) ?? (await tx.user.create({ data: { email, name, emailVerifiedAt: new Date() }, select: { id: true, name: true } }));
      // The identity provider vouches for an address in a domain the workspace verified.
      await markEmailVerified(tx, user.id);
      const actor = { id: user.id, email };
      const membership = await tx.membership.findUnique({ where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } }, select: { id: true, role: true } });
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (name && user.name !== name) {
        await tx.user.update({ where: { id: user.id }, data: { name } });
        changes.name = { from: user.name, to: name };
      }
      if (!membership) {
        // A seat of the plan's member limit (locked for the rest of the transaction).
        await assertSeatAvailable(tx, tenant, 'join');
        const role = roleForSignIn(null, mapped, hasMapping, tenant.defaultRole);
        await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role } });
        await emitEvent(tx, tenant.id, 'user.created', { userId: user.id, email, name: name ?? user.name, role }, user.id);
        await recordAudit(tx, { tenantId: tenant.id, actor, action: 'sso.member_provisioned', target: { type: 'user', id: user.id }, ip, metadata: { email, role, ...via } });
      } else {
        // roleForSignIn never touches an owner, so the last-owner rule cannot be broken here.
        const role = roleForSignIn(membership.role, mapped, hasMapping, tenant.defaultRole);
        if (role !== membership.role) {
          await tx.membership.update({ where: { id: membership.id }, data: { role } });
          changes.role = { from: membership.role, to: role };
          await recordAudit(tx, { tenantId: tenant.id, actor, action: 'member.role_changed', target: { type: 'user', id: user.id }, ip, metadata: { email, from: membership.role, to: role, ...via } });
        }
        if (Object.keys(changes).length) await emitEvent(tx, tenant.id, 'user.updated', { userId: user.id, email, changes }, user.id);
      }
      // An admin's "Test connection" is an admin action: it goes in the audit log.
      if (assertion.state?.test) await recordAudit(tx, { tenantId: tenant.id, actor, action: 'sso.connection_tested', target: { type: 'sso_connection', id: assertion.connectionId }, ip, metadata: { email } });
      return { userId: user.id, token: await issueLoginToken(tx, user.id, tenant.id, 'sso') };
    });

  const attempt = () =>
    run().catch((error: unknown) => {
      if (error instanceof AppError && error.code === PLAN_UPGRADE_REQUIRED) throw noSeatLeft(tenant, back);
      throw error;
    });

  let outcome: { userId: string; token: string };
  try {
    outcome = await attempt();
  } catch (error) {
    // Two first sign-ins of the same person at once: the second finds the first's user.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') outcome = await attempt();
    else throw error;
  }
  const next = assertion.state?.next ?? '/';
  const query = new URLSearchParams({ token: outcome.token, ...(next !== '/' ? { next } : {}) });
  return { tenantId: tenant.id, userId: outcome.userId, redirectUrl: `${origin}/auth/handoff?${query}` };
}
