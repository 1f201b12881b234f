/** One series of an instant query, with its labels and raw value. */
export interface InstantSeries {
  labels: Record<string, string>;
  value: unknown;
}

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

/**
 * The series of a batched query's answer, by part. Undefined when a series names no part of the
 * batch (an engine that ignored `label_replace`): ask the parts one by one then.
 */
export function seriesByPart(
  series: InstantSeries[],
  parts: number,
): InstantSeries[][] | undefined {
  const byPart = Array.from({ length: parts }, (): InstantSeries[] => []);
  for (const one of series) {
    const index = Number(one.labels[BATCH_LABEL]);
    if (!Number.isInteger(index) || index < 0 || index >= parts)
      return undefined;
    byPart[index].push(one);
  }
  return byPart;
}
