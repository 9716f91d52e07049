// Money on the reseller pages: integer cents, US dollars (the browser imports this too).

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** "49.99" or "49" → 4999; null when it is not an amount of dollars with at most two decimals. */
export function parseDollars(value: string): number | null {
  const match = value.trim().replace(/^\$/, '').replace(/,/g, '').match(/^(\d{1,7})(?:\.(\d{1,2}))?$/);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function formatRate(bps: number): string {
  const percent = bps / 100;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(2)}%`;
}
