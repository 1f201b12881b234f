import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { ItemStatus } from '@reliability-suite/plugin-reliability-common';

/**
 * Passing, Failing, Waived or Pending (not checked yet), with Backstage's status icon and colour.
 * An optional item that is not done blocks nothing: it reads neutral, `Not done (optional)`.
 */
export function ItemStateStatus({
  state,
  required,
}: {
  state: ItemStatus['state'];
  required: boolean;
}) {
  switch (state) {
    case 'passing':
      return <StatusOK>Passing</StatusOK>;
    case 'waived':
      return <StatusWarning>Waived</StatusWarning>;
    case 'pending':
      return <StatusPending>Pending</StatusPending>;
    default:
      return required ? (
        <StatusError>Failing</StatusError>
      ) : (
        <StatusAborted>Not done (optional)</StatusAborted>
      );
  }
}
