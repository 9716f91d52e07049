import { db } from '../db/client.ts';
import { emailDomain } from './email-domain.ts';
import { ssoAvailable } from './sso-available.ts';

// "Require SSO", chosen per SSO domain: password and magic-link sign-in are refused for
// addresses in a verified domain that requires it while the domain has a connection to send
// them to. Owners keep a break-glass password sign-in (audited as sso.break_glass_sign_in) so a
// broken IdP cannot lock a workspace out.

/** The error code next-auth hands back to the sign-in form (?error=SsoRequired). */
export const SSO_REQUIRED = 'SsoRequired';

/** Thrown inside next-auth; its string form is what next-auth puts in the error URL. */
export class SsoRequiredError extends Error {
  constructor() {
    super(SSO_REQUIRED);
    this.name = 'SsoRequiredError';
  }

  override toString(): string {
    return SSO_REQUIRED;
  }
}

export function isSsoRequiredError(error: unknown): error is SsoRequiredError {
  return error instanceof SsoRequiredError;
}

export async function ssoRequiredFor(tenantId: string, email: string): Promise<boolean> {
  const domain = emailDomain(email);
  if (!domain) return false;
  const [tenant, required] = await Promise.all([
    db.tenant.findUnique({ where: { id: tenantId }, select: { plan: true } }),
    db.ssoDomain.count({ where: { tenantId, domain, verifiedAt: { not: null }, requireSso: true, connectionId: { not: null } } }),
  ]);
  // Not on a plan with SSO any more: SSO sign-in is refused, so passwords must work again.
  return !!tenant && required > 0 && (await ssoAvailable(tenant));
}
