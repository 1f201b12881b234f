/**
 * Converts a percentage to a fraction without binary rounding error: 99.99 → 0.9999 exactly as
 * written (99.99 / 100 would give 0.9998999999999999).
 */
export function percentToFraction(percent: number): number {
  // Shift the decimal exponent, also for numbers JavaScript writes with one (1e-7).
  const [mantissa, exponent = '0'] = String(percent).split('e');
  return Number(`${mantissa}e${Number(exponent) - 2}`);
}
