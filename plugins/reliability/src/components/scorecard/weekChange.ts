/** A week-over-week change of a fraction, in percentage points: `▲ 4.5 pts`, `▼ 12 pts`. */
export function formatChange(change: number | undefined): string {
  if (change === undefined) return '—';
  const points = Number((Math.abs(change) * 100).toFixed(1));
  if (points === 0) return '0 pts';
  return `${change > 0 ? '▲' : '▼'} ${points} pts`;
}
