import type { IntlError } from 'next-intl';
import { logger } from '../observability/logger.ts';

// A message no catalog has (not even English) is a bug the catalog tests and the type-checker
// should have caught: the page shows the key rather than fail, and the server logs it once.

const reported = new Set<string>();

export function reportIntlError(error: IntlError): void {
  const key = `${error.code}:${error.originalMessage ?? error.message}`;
  if (reported.has(key)) return;
  if (reported.size < 1_000) reported.add(key);
  logger().warn({ code: error.code, detail: error.originalMessage ?? error.message }, 'i18n: a message could not be shown');
}

/** What a page shows for a message it cannot format: the key, which a test or a person can report. */
export function messageFallback({ namespace, key }: { namespace?: string; key: string }): string {
  return namespace ? `${namespace}.${key}` : key;
}
