// Payouts pay calendar months (UTC).

export interface Period {
  start: Date;
  end: Date;
}

/** The calendar month (UTC) before the one `now` falls in. */
export function previousMonth(now: Date): Period {
  return {
    start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
  };
}

/** The calendar month (UTC) that starts at `yyyy-mm`, or null when it is not one. */
export function monthOf(value: string): Period | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  if (month < 0 || month > 11 || year < 2000 || year > 2100) return null;
  return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
}

/** "2031-01" for the month a period starts in. */
export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}
