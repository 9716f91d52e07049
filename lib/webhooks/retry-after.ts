// Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Every HTTP date
// form starts with a day name; requiring it keeps Date.parse's leniency from reading
// junk such as "-5" as a year.
const HTTP_DATE = /^[A-Za-z]{3}/;

export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (!HTTP_DATE.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
