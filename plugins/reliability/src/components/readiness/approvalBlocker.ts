import { ReadinessSummary } from '@reliability-suite/plugin-reliability-common';

/** The titles of the checklist items with these ids, in checklist order. */
export function itemTitles(
  summary: Pick<ReadinessSummary, 'items'>,
  ids: ReadonlyArray<string>,
): string {
  return summary.items
    .filter(status => ids.includes(status.item.id))
    .map(status => status.item.title)
    .join(', ');
}

/**
 * Why the review cannot be approved with this checklist, naming the items by title; undefined
 * when nothing in the checklist stands in the way (the backend still decides).
 */
export function approvalBlocker(
  summary: Pick<ReadinessSummary, 'items' | 'blocking' | 'pending'>,
): string | undefined {
  if (summary.blocking.length) {
    return `Cannot approve while required items fail: ${itemTitles(
      summary,
      summary.blocking,
    )}`;
  }
  if (summary.pending?.length) {
    return `Cannot approve until required items are checked: ${itemTitles(
      summary,
      summary.pending,
    )}`;
  }
  return undefined;
}
