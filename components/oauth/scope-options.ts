import type { Terminology } from '@/lib/branding/terminology';
import { describeScopes, OAUTH_SCOPES } from '@/lib/oauth/oauth-scopes';
import type { ScopeOption } from './scope-picker';

/** Every scope an app may be allowed (admin:all is not one), in the words a consent screen in this workspace uses. */
export function appScopeOptions(terminology: Terminology): ScopeOption[] {
  return describeScopes(OAUTH_SCOPES, terminology);
}
