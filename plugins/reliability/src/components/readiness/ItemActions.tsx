import {
  ReadinessItem,
  readinessAttestPermission,
  waiverApprovePermission,
} from '@reliability-suite/plugin-reliability-common';
import { GuardedButton } from '../permissions/GuardedButton';
import { useEntityPermission } from '../permissions/useEntityPermission';

/**
 * Attest (manual items) and Waive for one checklist item; disabled, with the reason, for a viewer
 * who may not (owners attest, SRE leads waive), before any form is filled.
 */
export function ItemActions({
  item,
  onAttest,
  onWaive,
}: {
  item: ReadinessItem;
  onAttest: () => void;
  onWaive: () => void;
}) {
  const attest = useEntityPermission(readinessAttestPermission);
  const waive = useEntityPermission(waiverApprovePermission);
  return (
    <>
      {item.kind === 'manual' && (
        <GuardedButton
          size="small"
          aria-label={`Attest ${item.title}`}
          disabledReason={attest.deniedReason}
          onClick={onAttest}
        >
          Attest
        </GuardedButton>
      )}
      <GuardedButton
        size="small"
        aria-label={`Waive ${item.title}`}
        disabledReason={waive.deniedReason}
        onClick={onWaive}
      >
        Waive
      </GuardedButton>
    </>
  );
}
