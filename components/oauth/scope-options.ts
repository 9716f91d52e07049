import { CONSENT_DESCRIPTIONS, OAUTH_SCOPES } from '@/lib/oauth/oauth-scopes';
import type { ScopeOption } from './scope-picker';

/** Every scope an app may be allowed (admin:all is not one), in the words its consent screen uses. */
export function appScopeOptions(): ScopeOption[] {
  return OAUTH_SCOPES.map((scope) => ({ scope, description: CONSENT_DESCRIPTIONS[scope] }));
}
