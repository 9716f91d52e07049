import { term, type Terminology } from '../branding/terminology.ts';
import type { Role } from '../db/generated/enums.ts';
import { SCOPES, SCOPES_FOR_ROLE, type Scope } from '../api-keys/scopes.ts';

// OAuth apps use the API key scopes, except admin:all: a third-party app asks for exactly what
// it needs, and the consent screen lists it in plain words. The OpenID Connect scopes ask for
// the user's identity (an ID token and /oauth/userinfo), not for API access; any role can grant
// them, and only for a user who signs in (not client credentials).
export const OIDC_SCOPES = ['openid', 'profile', 'email'] as const;
export type OidcScope = (typeof OIDC_SCOPES)[number];
export const OAUTH_SCOPES = [...OIDC_SCOPES, ...SCOPES.filter((scope): scope is Exclude<Scope, 'admin:all'> => scope !== 'admin:all')];
export type OAuthScope = (typeof OAUTH_SCOPES)[number];

export const isOidcScope = (value: string): value is OidcScope => (OIDC_SCOPES as readonly string[]).includes(value);

export function isOAuthScope(value: string): value is OAuthScope {
  return (OAUTH_SCOPES as string[]).includes(value);
}

/** RFC 6749 §3.3: space-delimited, each a run of %x21 / %x23-5B / %x5D-7E. Null when malformed. */
export function parseScopeParam(value: string | null | undefined): string[] | null {
  if (value === null || value === undefined) return [];
  const parts = value.split(' ').filter(Boolean);
  if (!parts.every((part) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(part))) return null;
  return [...new Set(parts)];
}

/** The requested scopes the app may not have (unknown ones included). */
export function beyondAllowance(requested: readonly string[], allowedScopes: readonly string[]): string[] {
  return requested.filter((scope) => !isOAuthScope(scope) || !allowedScopes.includes(scope));
}

/** What a user with this role can grant of the requested scopes (the API key role cap). */
export function capByRole(requested: readonly string[], role: Role): OAuthScope[] {
  const allowed = new Set<string>([...OIDC_SCOPES, ...SCOPES_FOR_ROLE[role]]);
  return requested.filter((scope): scope is OAuthScope => isOAuthScope(scope) && allowed.has(scope));
}

/**
 * The consent screen's words: what the app will be able to do, said to the user in the
 * workspace's own terms ("objectives" where it says objectives). In English, for callers
 * outside a page; the pages say the same in the reader's language from the `consent`
 * catalog (consent.scopes, keyed by components/oauth/scope-words.ts).
 */
const CONSENT_DESCRIPTIONS: Record<OAuthScope, (t: Terminology) => string> = {
  openid: () => 'Sign you in with your account in this workspace',
  profile: () => 'See your name',
  email: () => 'See your email address',
  'read:users': () => 'See your profile and the people in this workspace',
  'write:users': () => 'Change people and their roles',
  'read:goals': (t) => `See ${term(t, 'goals')}`,
  'write:goals': (t) => `Create, change and delete ${term(t, 'goals')}`,
  'read:habits': (t) => `See ${term(t, 'habits')} and their logs`,
  'write:habits': (t) => `Create, change and delete ${term(t, 'habits')}, and log them`,
  'read:analytics': () => 'See usage and progress analytics',
  'write:analytics': (t) => `Record measurements toward ${term(t, 'goals')} (e.g. “ran 5 km”)`,
  'ai:coach': () => 'Talk with the AI coach and read your insights',
  'webhooks:manage': () => 'Manage webhook endpoints',
};

export function describeScopes(scopes: readonly string[], terminology: Terminology): { scope: string; description: string }[] {
  return scopes.filter(isOAuthScope).map((scope) => ({ scope, description: CONSENT_DESCRIPTIONS[scope](terminology) }));
}
