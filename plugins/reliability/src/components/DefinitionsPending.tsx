import { useState } from 'react';
import Alert from '@material-ui/lab/Alert';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ReliabilityProfile,
  sloEvaluatePermission,
} from '@reliability-suite/plugin-reliability-common';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { GuardedButton } from './permissions/GuardedButton';
import { useEntityPermission } from './permissions/useEntityPermission';

/** How often the evaluation cycle runs, when known: ` (every minute)`, ` (every 5 minutes)`. */
function cycleEvery(cycleIntervalMinutes?: number): string {
  if (cycleIntervalMinutes === undefined) return '';
  if (cycleIntervalMinutes === 1) return ' (every minute)';
  return ` (every ${cycleIntervalMinutes} minutes)`;
}

/** When figures of a pending entity appear: after the next cycle, every N minutes if known. */
export function pendingMessage(cycleIntervalMinutes?: number): string {
  return `First measurement in progress — the definitions of this entity have not been read yet; figures appear after the next evaluation cycle${cycleEvery(
    cycleIntervalMinutes,
  )}.`;
}

/**
 * Says plainly that nothing is known yet of an entity whose definitions were not read yet; with
 * `onRead`, offers to read and evaluate them now instead of waiting for the cycle.
 */
export function DefinitionsPending({
  profile,
  onRead,
}: {
  profile: Pick<ReliabilityProfile, 'cycleIntervalMinutes'>;
  /** Called once the definitions were read and evaluated now. */
  onRead?: () => void;
}) {
  return (
    <Alert
      severity="info"
      aria-label="Reliability data pending"
      action={onRead ? <ReadNowButton onRead={onRead} /> : undefined}
    >
      {pendingMessage(profile.cycleIntervalMinutes)}
    </Alert>
  );
}

function ReadNowButton({ onRead }: { onRead: () => void }) {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const alertApi = useApi(alertApiRef);
  const [reading, setReading] = useState(false);
  const mayEvaluate = useEntityPermission(sloEvaluatePermission);
  const onClick = async () => {
    setReading(true);
    try {
      await api.evaluateNow(getCompoundEntityRef(entity));
      onRead();
    } catch (e) {
      alertApi.post({
        message: `Could not read and evaluate now: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setReading(false);
    }
  };
  return (
    <GuardedButton
      color="inherit"
      size="small"
      onClick={onClick}
      disabled={reading}
      disabledReason={mayEvaluate.deniedReason}
    >
      {reading ? 'Reading…' : 'Read and evaluate now'}
    </GuardedButton>
  );
}
