import type { IntegrationId } from '../integrations/types.ts';

// The first-party integrations' ids are their addresses in the marketplace (/apps/slack goes to
// /integrations/slack), so no partner app may take one. Listed here rather than read from the
// registry: the partner form's schema must not pull every integration's SDK into its bundle
// (tests/unit/reserved-slugs.test.ts keeps the two lists equal).
export const RESERVED_APP_SLUGS: readonly IntegrationId[] = ['google-calendar', 'outlook-calendar', 'slack', 'microsoft-teams', 'calendar-feed'];

export function isReservedAppSlug(slug: string): boolean {
  return (RESERVED_APP_SLUGS as readonly string[]).includes(slug);
}
