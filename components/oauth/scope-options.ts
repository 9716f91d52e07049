import { isOAuthScope, OAUTH_SCOPES } from '@/lib/oauth/oauth-scopes';
import type { ScopeOption } from './scope-picker';
import { CONSENT_SCOPE_KEYS } from './scope-words';

/** The consent screen's words for a scope, from the `consent` catalog (the workspace's own words filled in). */
export type ConsentWords = (key: `scopes.${(typeof CONSENT_SCOPE_KEYS)[keyof typeof CONSENT_SCOPE_KEYS]}`) => string;

/** The scopes with the words a consent screen in this workspace uses; unknown ones are left out. */
export function describeConsentScopes(scopes: readonly string[], t: ConsentWords): ScopeOption[] {
  return scopes.filter(isOAuthScope).map((scope) => ({ scope, description: t(`scopes.${CONSENT_SCOPE_KEYS[scope]}`) }));
}

/** Every scope an app may be allowed (admin:all is not one), in the words a consent screen in this workspace uses. */
export function appScopeOptions(t: ConsentWords): ScopeOption[] {
  return describeConsentScopes(OAUTH_SCOPES, t);
}
