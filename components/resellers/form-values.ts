import type { FormEvent } from 'react';
import { ApiError } from '@/lib/http/api-client';
import { parseDollars } from '@/lib/resellers/money';

// Reading the reseller and operator forms: their fields at submit (people may type before
// hydration), and money and rates typed by people, as the integers the routes take. A value
// that is not one is a field error, in the words the form passes (its catalog's).

/** Never shown: a form with field errors shows them, not this (useFormSubmit). */
const FIELDS_NEED_ATTENTION = 'Some fields need attention.';

export function fields(event: FormEvent<HTMLFormElement>): Record<string, string> {
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
}

/** "49" or "49.50" → cents; the field error `error` on `field` otherwise. */
export function dollarsToCents(value: string, field: string, error: string): number {
  const cents = parseDollars(value);
  if (cents === null) throw new ApiError(422, FIELDS_NEED_ATTENTION, { [field]: error });
  return cents;
}

/** "15", "12.5" or "12.5%" → basis points (1250); the field error `error` on `field` (rateBps) otherwise. */
export function percentToBps(value: string, error: string, field = 'rateBps'): number {
  const match = value.trim().replace(/%$/, '').match(/^(\d{1,3})(?:\.(\d{1,2}))?$/);
  if (!match) throw new ApiError(422, FIELDS_NEED_ATTENTION, { [field]: error });
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A whole number of up to six digits; the field error `error` on `field` otherwise. */
export function wholeNumber(value: string, field: string, error: string): number {
  const trimmed = value.trim();
  if (!/^\d{1,6}$/.test(trimmed)) throw new ApiError(422, FIELDS_NEED_ATTENTION, { [field]: error });
  return Number(trimmed);
}
