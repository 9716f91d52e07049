import { getTranslations } from 'next-intl/server';
import { isOAuthScope } from '@/lib/oauth/oauth-scopes';
import { CONSENT_SCOPE_KEYS } from './scope-words';

/**
 * For server pages: what an OAuth scope lets an app do, in the reader's language (the consent
 * screen's words); a scope the catalog does not know keeps the description it came with.
 */
export async function scopeDescriber(): Promise<(scope: string, fallback: string) => string> {
  const t = await getTranslations('consent');
  return (scope, fallback) => (isOAuthScope(scope) ? t(`scopes.${CONSENT_SCOPE_KEYS[scope]}`) : fallback);
}
