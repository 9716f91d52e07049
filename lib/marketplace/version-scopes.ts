import type { Terminology } from '../branding/terminology.ts';
import { capByRole, describeScopes, isOidcScope } from '../oauth/oauth-scopes.ts';
import { INSTALLATION_ROLE } from './installation-member.ts';

// What an app version asks for (AppVersion.scopes: [{ scope, justification }]), read safely:
// only API scopes an installation can hold (no OpenID Connect scopes, as no one signs in; no
// more than the admin role allows), each with the partner's reason, in the workspace's words.

export interface RequestedScope {
  scope: string;
  justification: string | null;
}

export interface ConsentScope extends RequestedScope {
  description: string;
}

export function requestedScopes(json: unknown): RequestedScope[] {
  if (!Array.isArray(json)) return [];
  const out: RequestedScope[] = [];
  for (const item of json) {
    if (!item || typeof item !== 'object') continue;
    const { scope, justification } = item as { scope?: unknown; justification?: unknown };
    if (typeof scope !== 'string' || out.some((seen) => seen.scope === scope)) continue;
    out.push({ scope, justification: typeof justification === 'string' && justification.trim() ? justification.trim() : null });
  }
  return out;
}

/** The scopes an installation of this version gets. */
export function installScopes(json: unknown): string[] {
  const requested = requestedScopes(json).map((entry) => entry.scope).filter((scope) => !isOidcScope(scope));
  return capByRole(requested, INSTALLATION_ROLE);
}

/** The consent screen's list: each scope in plain words, with why the app needs it. */
export function consentScopes(json: unknown, terminology: Terminology): ConsentScope[] {
  const reasons = new Map(requestedScopes(json).map((entry) => [entry.scope, entry.justification]));
  return describeScopes(installScopes(json), terminology).map(({ scope, description }) => ({ scope, description, justification: reasons.get(scope) ?? null }));
}

