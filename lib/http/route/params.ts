import { z } from 'zod';
import { AppError } from '../problem.ts';

// Path parameters are checked before anything reaches the database: an id with a NUL byte, a
// slash-encoded segment or 10 KB of text is simply "not found", like an id that does not exist.

/** A resource id: cuids, uuids and prefixed ids (key_…, whk_…). */
export const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
/** A secret token carried in a URL (invitations, reseller invitations). */
export const token = z.string().regex(/^[A-Za-z0-9_-]{10,200}$/);
/** One of a few fixed words, e.g. kind: logo | favicon. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
/** A catch-all segment list (SCIM's /Users/{id}, …). */
export const segments = z.array(z.string().regex(/^[A-Za-z0-9_.:@%+=-]{1,200}$/)).max(8);

export type ParamsShape = Record<string, z.ZodType>;
export type ParsedParams<P extends ParamsShape | undefined> = P extends ParamsShape ? { [K in keyof P]: z.output<P[K]> } : Record<string, never>;

export function parseParams<P extends ParamsShape | undefined>(shape: P, raw: Record<string, string | string[]> | undefined): ParsedParams<P> {
  if (!shape) return {} as ParsedParams<P>;
  const result = z.object(shape).safeParse(raw ?? {});
  if (!result.success) throw new AppError(404, 'not_found', 'Not found.');
  return result.data as ParsedParams<P>;
}
