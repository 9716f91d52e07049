import type { getTranslations } from 'next-intl/server';

// The event catalog's words for people reading the pages: each type's description and each
// group's title from the `webhooks` catalog, keyed by the type's parts (goal.comment_updated →
// events.goal.commentUpdated). The type identifiers themselves stay as they are. A type the
// catalog does not know yet shows the description the event catalog (lib/events) gives it.

export type WebhookWords = Awaited<ReturnType<typeof getTranslations<'webhooks'>>>;

const camel = (part: string) => part.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());

type Key = Parameters<WebhookWords>[0];

export function eventDescription(t: WebhookWords, type: string, english: string): string {
  const key = `events.${type.split('.').map(camel).join('.')}` as Key;
  return t.has(key) ? t(key) : english;
}

export function eventGroupTitle(t: WebhookWords, resource: string): string {
  const key = `eventGroups.${camel(resource)}` as Key;
  return t.has(key) ? t(key) : t('eventGroupFallback', { resource: `${resource[0]?.toUpperCase() ?? ''}${resource.slice(1)}` });
}

/** The catalog's groups with their descriptions in the reader's language, for the event type picker. */
export function describedGroups(t: WebhookWords, groups: { resource: string; types: readonly { type: string; description: string }[] }[]) {
  return groups.map(({ resource, types }) => ({ resource, title: eventGroupTitle(t, resource), types: types.map(({ type, description }) => ({ type, description: eventDescription(t, type, description) })) }));
}
