import type { getTranslations } from 'next-intl/server';
import type { ApiResource } from '@/lib/api/docs/resource-docs';

// The docs' words that name things the API defines (its resources, its error codes): from the
// docs catalog in the reader's language, keyed by the identifier; one the catalog does not
// know yet (a resource or code added since) shows the API's own English words.

export type DocsWords = Awaited<ReturnType<typeof getTranslations<'docs'>>>;
type Key = Parameters<DocsWords>[0];

const camel = (name: string) => name.replace(/[-_](\w)/g, (_, letter: string) => letter.toUpperCase());

function either(t: DocsWords, key: string, english: string): string {
  return t.has(key as Key) ? t(key as Key) : english;
}

export const resourceTitle = (t: DocsWords, resource: ApiResource) => either(t, `resources.${camel(resource.slug)}.title`, resource.tag);
export const resourceDescription = (t: DocsWords, resource: ApiResource) => either(t, `resources.${camel(resource.slug)}.description`, resource.description);
export const errorCodeDescription = (t: DocsWords, code: string, english: string) => either(t, `errorCodes.${camel(code)}`, english);
