import type { SloFigures } from '../status';

/** How every view names the count of SLOs meeting their target. */
export const SLOS_MEETING_TARGET = 'SLOs meeting target';

/**
 * Of these figures, the SLOs measured (an SLI in their window; without traffic an SLO is not
 * measured, neither met nor missed) and those of them meeting their target.
 */
export function slosMeetingTarget(
  figures: ReadonlyArray<Pick<SloFigures, 'attained'>>,
): { met: number; measured: number } {
  const measured = figures.filter(f => f.attained !== undefined);
  return {
    met: measured.filter(f => f.attained).length,
    measured: measured.length,
  };
}

/** `3/4`, or `none measured` when no SLO has data. */
export function formatSlosMeetingTarget(counts: {
  slosMeetingTarget: number;
  slosMeasured: number;
}): string {
  return counts.slosMeasured > 0
    ? `${counts.slosMeetingTarget}/${counts.slosMeasured}`
    : 'none measured';
}
