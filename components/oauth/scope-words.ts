import type { Scope } from '@/lib/api-keys/scopes';
import type { Catalog } from '@/lib/i18n/catalog-types';
import type { OAuthScope } from '@/lib/oauth/oauth-scopes';

// Scope identifiers (read:goals) stay as they are everywhere; what each one lets a key or an
// app do is said in the reader's language. Catalog keys are names, so each scope maps to one:
// the API key form's words in apiKeys.scopes, the consent screen's in consent.scopes.

export const API_KEY_SCOPE_KEYS: Record<Scope, keyof Catalog['apiKeys']['scopes']> = {
  'read:users': 'readUsers',
  'write:users': 'writeUsers',
  'read:goals': 'readGoals',
  'write:goals': 'writeGoals',
  'read:habits': 'readHabits',
  'write:habits': 'writeHabits',
  'read:analytics': 'readAnalytics',
  'write:analytics': 'writeAnalytics',
  'ai:coach': 'aiCoach',
  'webhooks:manage': 'webhooksManage',
  'admin:all': 'adminAll',
};

export const CONSENT_SCOPE_KEYS: Record<OAuthScope, keyof Catalog['consent']['scopes']> = {
  openid: 'openid',
  profile: 'profile',
  email: 'email',
  'read:users': 'readUsers',
  'write:users': 'writeUsers',
  'read:goals': 'readGoals',
  'write:goals': 'writeGoals',
  'read:habits': 'readHabits',
  'write:habits': 'writeHabits',
  'read:analytics': 'readAnalytics',
  'write:analytics': 'writeAnalytics',
  'ai:coach': 'aiCoach',
  'webhooks:manage': 'webhooksManage',
};
