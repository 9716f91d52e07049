import { z } from 'zod';
import { validationFailed } from '../../http/problem.ts';

// Keyset pagination. A cursor is base64url JSON of the last item's sort key and id, tagged
// with the list it belongs to; clients treat it as opaque. Keysets (rather than offsets) keep
// pages stable while rows are added or deleted between requests.

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export function encodeCursor(kind: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([kind, ...key])).toString('base64url');
}

/** The sort key inside a cursor made by encodeCursor(kind, …), checked against `key`; 422 otherwise. */
export function decodeCursor<K extends z.ZodType<readonly string[]>>(kind: string, cursor: string, key: K): z.output<K> {
  const invalid = validationFailed({ cursor: 'This cursor is not valid for this list. Pass next_cursor from the previous page unchanged.' }, 'Check the query parameters: cursor.');
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parts) || parts[0] !== kind) throw invalid;
  const parsed = key.safeParse(parts.slice(1));
  if (!parsed.success) throw invalid;
  return parsed.data;
}

/** Rows fetched with take: limit + 1 → the page and the cursor of its last row, if more follow. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, cursorOf: (row: R) => string): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { data: kept.map(map), next_cursor: more ? cursorOf(kept[kept.length - 1]) : null };
}
