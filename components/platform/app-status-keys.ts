import type { AppVersionStatus, MarketplaceAppStatus } from '@/lib/db/generated/enums';
import type { CheckId } from '@/lib/marketplace/submission-checks';

// Keys in the operatorApps catalog for the marketplace's statuses and checks, as the console shows them.

export const VERSION_STATUS_KEYS = {
  draft: 'draft',
  submitted: 'submitted',
  in_review: 'inReview',
  changes_requested: 'changesRequested',
  rejected: 'rejected',
  approved: 'approved',
  published: 'published',
  superseded: 'superseded',
} as const satisfies Record<AppVersionStatus, string>;

export const APP_STATUS_KEYS = { draft: 'draft', published: 'published', deprecated: 'deprecated', removed: 'removed' } as const satisfies Record<MarketplaceAppStatus, string>;

export const CHECK_KEYS = {
  redirect_https: 'redirectHttps',
  redirect_no_wildcard: 'redirectNoWildcard',
  privacy_url: 'privacyUrl',
  scopes_justified: 'scopesJustified',
  webhook_url: 'webhookUrl',
  logo: 'logo',
  description_length: 'descriptionLength',
  paid_app_links: 'paidAppLinks',
} as const satisfies Record<CheckId, string>;
