/** Cents as a decimal amount of dollars, exactly ("-0.05", "1234.50"): no floating point. */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = BigInt(Math.abs(cents));
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Basis points as a percentage ("80.00"). */
export function bpsText(bps: number): string {
  return centsText(bps);
}
