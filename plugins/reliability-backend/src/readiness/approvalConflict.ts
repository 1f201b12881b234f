import { ReadinessSummary } from '@reliability-suite/plugin-reliability-common';
import { itemTitles } from './itemTitles';

/**
 * Why a review cannot be approved with this checklist, or undefined when it can. Failing required
 * items block approval; pending ones (not checked yet: the entity's definitions not read, or its
 * SLOs never measured) are not failing, but approval waits until they are checked or waived.
 * Items are named by their titles, as the checklist shows them.
 */
export function approvalConflict(
  summary: Pick<ReadinessSummary, 'blocking' | 'pending' | 'items'>,
): string | undefined {
  const blocking = itemTitles(summary, summary.blocking);
  const pending = itemTitles(summary, summary.pending);
  const waiting = `not checked yet, until the entity's SLO definitions are read and measured: ${pending}`;
  if (blocking) {
    return `cannot approve: required items are failing: ${blocking}${
      pending ? `; required items pending, ${waiting}` : ''
    }`;
  }
  if (pending) {
    return `cannot approve yet: required items are pending, ${waiting}`;
  }
  return undefined;
}
