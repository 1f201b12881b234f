import Alert from '@material-ui/lab/Alert';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';

/** When figures of a pending entity appear: after the next cycle, every N minutes if known. */
export function pendingMessage(cycleIntervalMinutes?: number): string {
  const every =
    cycleIntervalMinutes === undefined
      ? ''
      : cycleIntervalMinutes === 1
      ? ' (every minute)'
      : ` (every ${cycleIntervalMinutes} minutes)`;
  return `Reliability data pending — the definitions of this entity have not been read yet; figures appear after the next evaluation cycle${every}.`;
}

/** Says plainly that nothing is known yet of an entity whose definitions were not read yet. */
export function DefinitionsPending({
  profile,
}: {
  profile: Pick<ReliabilityProfile, 'cycleIntervalMinutes'>;
}) {
  return (
    <Alert severity="info" aria-label="Reliability data pending">
      {pendingMessage(profile.cycleIntervalMinutes)}
    </Alert>
  );
}
