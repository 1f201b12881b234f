import Chip from '@material-ui/core/Chip';
import { Freshness } from '@reliability-suite/plugin-reliability-common';
import { formatAge } from './format';

/** What makes figures stale, in words a reader acts on. */
export function staleReason(freshness: Freshness, now: number): string {
  const age =
    freshness.measuredAt === undefined
      ? 'never measured'
      : `measured ${formatAge(freshness.measuredAt, now)}`;
  return freshness.staleBecause === 'degraded'
    ? `Stale: ${age}; the last evaluation failed`
    : `Stale: ${age}; not evaluated for over two evaluation intervals`;
}

/** Figures that are not current (a failed evaluation, or a missed one), with their age. */
export function StaleChip({
  freshness,
  now = Date.now(),
}: {
  freshness?: Freshness;
  now?: number;
}) {
  if (!freshness?.stale) return null;
  return (
    <Chip
      size="small"
      color="secondary"
      label={
        freshness.measuredAt === undefined
          ? 'Stale'
          : `Stale · ${formatAge(freshness.measuredAt, now)}`
      }
      title={staleReason(freshness, now)}
    />
  );
}
