import { ReadinessSummary } from '@reliability-suite/plugin-reliability-common';

/**
 * The titles of checklist items, in the order given, comma-separated: `Rollback readiness,
 * Dashboards`. An id the checklist does not list stays as it is.
 */
export function itemTitles(
  summary: Pick<ReadinessSummary, 'items'>,
  ids: ReadonlyArray<string>,
): string {
  const titles = new Map(summary.items.map(s => [s.item.id, s.item.title]));
  return ids.map(id => titles.get(id) ?? id).join(', ');
}
