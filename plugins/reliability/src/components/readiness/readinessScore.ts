import { ReadinessSummary } from '@reliability-suite/plugin-reliability-common';

/**
 * What the readiness score counts, in words: `9/12 required checklist items pass` (waived and
 * pending items do not pass). Undefined when the tier requires no item.
 */
export function requiredItemsPassing(
  summary: Pick<
    ReadinessSummary,
    'score' | 'requiredPassing' | 'requiredCount'
  >,
): string | undefined {
  if (summary.score === undefined) return undefined;
  return `${summary.requiredPassing}/${summary.requiredCount} required checklist items pass`;
}
