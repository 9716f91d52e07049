'use client';

// Formatted values as tiny client leaves, so server components can show a date or a number in
// the reader's locale and zone (from the nearest FormatProvider) without threading settings.

import { useFormat } from '@/lib/format/format-context';

type Instant = Date | string;

export function FormattedDate({ value }: { value: Instant }) {
  return <>{useFormat().date(value)}</>;
}

export function FormattedDateTime({ value }: { value: Instant }) {
  return <>{useFormat().dateTime(value)}</>;
}

/** A calendar date ("2027-01-17") that no zone shifts. */
export function FormattedDay({ value }: { value: string }) {
  return <>{useFormat().day(value)}</>;
}

/** A calendar month ("2027-01" or a UTC instant in it). */
export function FormattedMonth({ value }: { value: Instant }) {
  return <>{useFormat().month(value)}</>;
}

export function FormattedNumber({ value }: { value: number }) {
  return <>{useFormat().number(value)}</>;
}

export function FormattedPercent({ ratio }: { ratio: number }) {
  return <>{useFormat().percent(ratio)}</>;
}

/** Money in minor units (cents). */
export function FormattedMoney({ minor, currency = 'usd' }: { minor: number; currency?: string }) {
  return <>{useFormat().money(minor, currency)}</>;
}
