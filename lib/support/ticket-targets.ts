// Support targets (the partner tier's first-response and resolution times), measured and
// described, pure. A target is met when the event happened by its time, missed when it
// happened later, and due or overdue while it has not happened yet.

const MINUTE_MS = 60_000;

export function targetsFor(createdAt: Date, tier: { firstResponseMinutes: number; resolutionMinutes: number }) {
  return {
    firstResponseTargetAt: new Date(createdAt.getTime() + tier.firstResponseMinutes * MINUTE_MS),
    resolutionTargetAt: new Date(createdAt.getTime() + tier.resolutionMinutes * MINUTE_MS),
  };
}

/** A span as the two largest units people read it in (days from 48 h); all zero: under a minute. */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / MINUTE_MS);
  const days = total >= 2880 ? Math.floor(total / 1440) : 0;
  const hours = Math.floor((total - days * 1440) / 60);
  return { days, hours: total < 1 ? 0 : hours, minutes: days ? 0 : total % 60 };
}

/** "2 d 3 h", "24 h", "2 h 10 min", "5 min", "under 1 min": the two largest units (days from 48 h). */
export function formatDuration(ms: number): string {
  const { days, hours, minutes: mins } = durationParts(ms);
  if (days) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours) return mins ? `${hours} h ${mins} min` : `${hours} h`;
  if (mins) return `${mins} min`;
  return 'under 1 min';
}

export type TargetState = 'met' | 'missed' | 'due' | 'overdue';

export interface TargetView {
  /** Which target: the first response, or the resolution. */
  kind: 'firstResponse' | 'resolution';
  state: TargetState;
  /** The target as a span from the ticket's opening ("24 h"). */
  target: string;
  targetAt: string;
  /** met/missed: how long it took; due: time left; overdue: time past the target. */
  elapsed: string;
  /** The same spans in milliseconds, for a page that words them in its own language. */
  targetMs: number;
  elapsedMs: number;
  /** A sentence for both sides, e.g. "First response in 2 h 10 min, target 24 h" (English; pages word it from the fields). */
  text: string;
}

/** Where one target stands for a ticket opened at `createdAt`; `doneAt` is when it was reached, if it was. */
export function measureTarget(label: 'First response' | 'Resolution', createdAt: Date, targetAt: Date, doneAt: Date | null, now: Date): TargetView {
  const targetMs = targetAt.getTime() - createdAt.getTime();
  const target = formatDuration(targetMs);
  const base = { kind: label === 'First response' ? ('firstResponse' as const) : ('resolution' as const), target, targetAt: targetAt.toISOString(), targetMs };
  if (doneAt) {
    const tookMs = doneAt.getTime() - createdAt.getTime();
    const took = formatDuration(tookMs);
    const state = doneAt.getTime() <= targetAt.getTime() ? 'met' : 'missed';
    return { ...base, state, elapsed: took, elapsedMs: tookMs, text: `${label} in ${took}, target ${target}${state === 'missed' ? ' (missed)' : ''}` };
  }
  if (now.getTime() <= targetAt.getTime()) {
    const leftMs = targetAt.getTime() - now.getTime();
    const left = formatDuration(leftMs);
    return { ...base, state: 'due', elapsed: left, elapsedMs: leftMs, text: `${label} due in ${left}, target ${target}` };
  }
  const lateMs = now.getTime() - targetAt.getTime();
  const late = formatDuration(lateMs);
  return { ...base, state: 'overdue', elapsed: late, elapsedMs: lateMs, text: `${label} overdue by ${late}, target ${target}` };
}

/** The median of a list of numbers (null when empty): the mean of the two middle ones for an even count. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface TargetSummary {
  /** Tickets counted: answered ones, and unanswered ones already past their target (missed either way). */
  measured: number;
  medianFirstResponseMs: number | null;
  medianFirstResponse: string | null;
  /** Whole percent of measured tickets answered within the target; null when none is measured. */
  firstResponseWithinTargetPct: number | null;
  resolvedMeasured: number;
  resolutionWithinTargetPct: number | null;
}

interface SummaryRow {
  createdAt: Date;
  firstResponseTargetAt: Date;
  resolutionTargetAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
}

/** Median first response and share within target over a set of tickets, at `now`. */
export function summarizeTargets(rows: SummaryRow[], now: Date): TargetSummary {
  const answered = rows.filter((r) => r.firstRespondedAt);
  const lateUnanswered = rows.filter((r) => !r.firstRespondedAt && r.firstResponseTargetAt.getTime() < now.getTime());
  const withinFirst = answered.filter((r) => r.firstRespondedAt!.getTime() <= r.firstResponseTargetAt.getTime()).length;
  const measured = answered.length + lateUnanswered.length;
  const med = median(answered.map((r) => r.firstRespondedAt!.getTime() - r.createdAt.getTime()));
  const resolved = rows.filter((r) => r.resolvedAt);
  const lateUnresolved = rows.filter((r) => !r.resolvedAt && r.resolutionTargetAt.getTime() < now.getTime());
  const withinResolution = resolved.filter((r) => r.resolvedAt!.getTime() <= r.resolutionTargetAt.getTime()).length;
  const resolvedMeasured = resolved.length + lateUnresolved.length;
  return {
    measured,
    medianFirstResponseMs: med,
    medianFirstResponse: med === null ? null : formatDuration(med),
    firstResponseWithinTargetPct: measured ? Math.round((withinFirst * 100) / measured) : null,
    resolvedMeasured,
    resolutionWithinTargetPct: resolvedMeasured ? Math.round((withinResolution * 100) / resolvedMeasured) : null,
  };
}
