import {
  ReadinessSummary,
  Review,
} from '@reliability-suite/plugin-reliability-common';
import { itemTitles } from './itemTitles';

/**
 * The four-eyes rule of launch reviews: whoever opened the review, or vouches for one of the
 * entity's items through an attestation in force now (the latest unexpired one of a manual
 * item, the one the checklist counts), may not also approve it. Blocking stays open to them: it
 * only stops a launch. Waivers are not duties here: only SRE leads grant them, and approving
 * needs the reviewers group anyway. Items are named by their titles.
 *
 * @returns why `approver` may not approve, or undefined when they may.
 */
export function fourEyesConflict(
  review: Pick<Review, 'createdBy'>,
  summary: Pick<ReadinessSummary, 'items'>,
  approver: string,
): string | undefined {
  const duties: string[] = [];
  if (review.createdBy === approver) duties.push('opened this review');
  const attested = summary.items
    .filter(status => status.attestation?.actor === approver)
    .map(status => status.item.id);
  if (attested.length) duties.push(`attested ${itemTitles(summary, attested)}`);
  if (!duties.length) return undefined;
  return `cannot approve: ${approver} ${duties.join(
    ' and ',
  )}; another reviewer must approve (four-eyes rule)`;
}
