import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { ItemStatus } from '@reliability-suite/plugin-reliability-common';

/** Passing, Failing or Waived, with Backstage's status icon and colour. */
export function ItemStateStatus({ state }: { state: ItemStatus['state'] }) {
  switch (state) {
    case 'passing':
      return <StatusOK>Passing</StatusOK>;
    case 'waived':
      return <StatusWarning>Waived</StatusWarning>;
    default:
      return <StatusError>Failing</StatusError>;
  }
}
