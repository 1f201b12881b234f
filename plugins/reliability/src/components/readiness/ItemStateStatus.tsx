import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { ItemStatus } from '@reliability-suite/plugin-reliability-common';

/** Passing, Failing, Waived or Pending (not checked yet), with Backstage's status icon and colour. */
export function ItemStateStatus({ state }: { state: ItemStatus['state'] }) {
  switch (state) {
    case 'passing':
      return <StatusOK>Passing</StatusOK>;
    case 'waived':
      return <StatusWarning>Waived</StatusWarning>;
    case 'pending':
      return <StatusPending>Pending</StatusPending>;
    default:
      return <StatusError>Failing</StatusError>;
  }
}
