import { ReadinessSummary } from '@reliability-suite/plugin-reliability-common';

/**
 * Why a review cannot be approved with this checklist, or undefined when it can. Failing required
 * items block approval; pending ones (not checked yet: the entity's definitions not read, or its
 * SLOs never measured) are not failing, but approval waits until they are checked or waived.
 */
export function approvalConflict(
  summary: Pick<ReadinessSummary, 'blocking' | 'pending'>,
): string | undefined {
  const { blocking, pending } = summary;
  const waiting = `not checked yet, until the entity's SLO definitions are read and measured: ${pending.join(
    ', ',
  )}`;
  if (blocking.length) {
    return `cannot approve: required items are failing: ${blocking.join(', ')}${
      pending.length ? `; required items pending, ${waiting}` : ''
    }`;
  }
  if (pending.length) {
    return `cannot approve yet: required items are pending, ${waiting}`;
  }
  return undefined;
}
