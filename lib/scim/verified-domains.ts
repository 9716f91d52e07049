import { emailDomain, isVerifiedEmailDomain } from '../sso/email-domain.ts';
import { scimForbidden } from './scim-errors.ts';

// A directory provisions only people whose email domain the workspace has proven it owns (the
// same rule as SSO sign-in, lib/sso/email-domain.ts: a verified SSO domain, or a verified custom
// domain with exactly that hostname; only one workspace can hold a domain verified). So one
// workspace's directory cannot take over the accounts of another company's people.

export async function assertProvisionableEmail(tenantId: string, email: string): Promise<void> {
  if (await isVerifiedEmailDomain(tenantId, email)) return;
  const domain = emailDomain(email) ?? email;
  throw scimForbidden(`${domain} is not a verified domain of this workspace, so ${email} cannot be provisioned. An admin can add and verify the domain under Settings → SSO.`);
}
