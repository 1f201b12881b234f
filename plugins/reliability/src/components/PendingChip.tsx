import Chip from '@material-ui/core/Chip';
import { SloStatus } from '@reliability-suite/plugin-reliability-common';

/** An SLO (or every SLO of an entity) not measured yet: neither a result nor "no data". */
export function PendingChip() {
  return (
    <Chip
      size="small"
      variant="outlined"
      label="Pending"
      title="Not measured yet: measured in the next evaluation cycle"
    />
  );
}

/** Whether there are SLOs and none has been measured yet (every one is `pending`). */
export function allPending(
  slos: ReadonlyArray<{ status: Pick<SloStatus, 'state'> }>,
): boolean {
  return slos.length > 0 && slos.every(s => s.status.state === 'pending');
}
