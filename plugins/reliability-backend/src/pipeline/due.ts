/**
 * Share of an interval by which a run may come early and still count as the next one: cycles
 * start a little late or early (the scheduler's polling, the order of work within a cycle).
 */
export const DUE_TOLERANCE = 0.1;

/**
 * Whether work last done at `lastAt` (epoch ms; undefined: never) is due again at `now` under an
 * interval: at most once per interval, less the tolerance. E.g. with 5 minutes, an SLO attempted
 * 4 minutes ago is skipped and one attempted 4.5 minutes ago is due.
 */
export function isDue(
  lastAt: number | undefined,
  now: number,
  intervalMs: number,
): boolean {
  return (
    lastAt === undefined || now - lastAt >= intervalMs * (1 - DUE_TOLERANCE)
  );
}
