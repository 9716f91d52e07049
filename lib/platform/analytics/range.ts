import { addDays, formatDateOnly, parseDateOnly } from '../../goals/dates.ts';

// The platform analytics' period: whole UTC days, the last 7, 30 or 90 ending today, or a
// custom from–to of at most 366 days ending today at the latest. From the URL (the page and
// GET /api/platform/analytics); anything unreadable falls back to the last 30 days.

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = 30;
export const MAX_RANGE_DAYS = 366;

export interface AnalyticsRange {
  /** First and last day, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** The preset it is, or null for a custom range. */
  preset: RangePreset | null;
  since: Date;
  /** Exclusive: the start of the day after `to`. */
  until: Date;
  /** Every day, oldest first. */
  days: string[];
}

/** The range of these days (from ≤ to, checked by the caller). */
export function rangeOf(from: string, to: string, preset: RangePreset | null = null): AnalyticsRange {
  const since = parseDateOnly(from)!;
  const until = addDays(parseDateOnly(to)!, 1);
  const days = Array.from({ length: Math.round((until.getTime() - since.getTime()) / 86_400_000) }, (_, i) => formatDateOnly(addDays(since, i)));
  return { from, to, preset, since, until, days };
}

function presetRange(preset: RangePreset, now: Date): AnalyticsRange {
  const today = parseDateOnly(formatDateOnly(now))!;
  return rangeOf(formatDateOnly(addDays(today, 1 - preset)), formatDateOnly(today), preset);
}

const first = (value: string | string[] | null | undefined) => (Array.isArray(value) ? value[0] : value) ?? undefined;

/** From the query string: `days` (7, 30 or 90), or `from` and `to` (YYYY-MM-DD). */
export function parseAnalyticsRange(params: Record<string, string | string[] | undefined>, now: Date = new Date()): AnalyticsRange {
  const from = parseDateOnly(first(params.from) ?? '');
  const to = parseDateOnly(first(params.to) ?? '');
  const today = parseDateOnly(formatDateOnly(now))!;
  if (from && to && from <= to && to <= today && addDays(from, MAX_RANGE_DAYS) > to) {
    const custom = rangeOf(formatDateOnly(from), formatDateOnly(to));
    // A custom range that is a preset's days is that preset (its link shows as chosen).
    const preset = RANGE_PRESETS.find((days) => custom.to === formatDateOnly(today) && custom.days.length === days) ?? null;
    return { ...custom, preset };
  }
  const preset = RANGE_PRESETS.find((days) => String(days) === first(params.days)) ?? DEFAULT_PRESET;
  return presetRange(preset, now);
}
