import { Freshness } from '@reliability-suite/plugin-reliability-common';
import { StaleChip } from '../StaleChip';
import { When } from '../time/When';

/**
 * How old an entity's figures are: the stale marker with their age when they are stale (a failed
 * or missed evaluation), else their age (`2 min ago`), or `—` when nothing was measured.
 */
export function MeasuredAge({
  freshness,
  now,
}: {
  freshness?: Freshness;
  now: number;
}) {
  if (freshness?.stale) return <StaleChip freshness={freshness} now={now} />;
  if (freshness?.measuredAt === undefined) return <>—</>;
  return <When at={freshness.measuredAt} now={now} />;
}
