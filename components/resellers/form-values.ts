import type { FormEvent } from 'react';
import { ApiError } from '@/lib/http/api-client';
import { parseDollars } from '@/lib/resellers/money';

// Reading the reseller and operator forms: their fields at submit (people may type before
// hydration), and money and rates typed by people, as the integers the routes take.

export function fields(event: FormEvent<HTMLFormElement>): Record<string, string> {
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
}

/** "49" or "49.50" → cents; a field error on `field` otherwise. */
export function dollarsToCents(value: string, field: string): number {
  const cents = parseDollars(value);
  if (cents === null) throw new ApiError(422, 'Some fields need attention.', { [field]: 'Enter an amount in dollars, e.g. 49 or 49.50.' });
  return cents;
}

/** "15", "12.5" or "12.5%" → basis points (1250); a field error on rateBps otherwise. */
export function percentToBps(value: string): number {
  const match = value.trim().replace(/%$/, '').match(/^(\d{1,3})(?:\.(\d{1,2}))?$/);
  if (!match) throw new ApiError(422, 'Some fields need attention.', { rateBps: 'Enter a percentage, e.g. 15 or 12.5.' });
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
