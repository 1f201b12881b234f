/** The label that tells apart the parts of a batched query. */
export const BATCH_LABEL = 'reliability_suite_batch';

/**
 * The batched form of instant queries: each part's series tagged with the part's index by
 * `label_replace`, joined with `or`. Pure, so it is table-tested.
 */
export function batchedQuery(queries: string[]): string {
  return queries
    .map(
      (query, index) =>
        `label_replace(${query}, "${BATCH_LABEL}", "${index}", "", "")`,
    )
    .join(' or ');
}
