/** Prefix of every annotation the Reliability Suite reads. */
export const RELIABILITY_ANNOTATION_PREFIX = 'reliability-suite.io';

/** Annotations the Reliability Suite reads from catalog entities. */
export const RELIABILITY_ANNOTATIONS = {
  /** Service tier, `0` to `3`. */
  tier: `${RELIABILITY_ANNOTATION_PREFIX}/tier`,
  /** Comma-separated paths or globs of OpenSLO files, relative to the entity's file. */
  sloFiles: `${RELIABILITY_ANNOTATION_PREFIX}/slo-files`,
  /** Recovery time objective (duration). */
  rto: `${RELIABILITY_ANNOTATION_PREFIX}/rto`,
  /** Recovery point objective (duration). */
  rpo: `${RELIABILITY_ANNOTATION_PREFIX}/rpo`,
  /** Date of the last disaster-recovery test (ISO 8601). */
  drTested: `${RELIABILITY_ANNOTATION_PREFIX}/dr-tested`,
  /**
   * When runbooks were last reviewed: a date (`2026-09-14`) for every runbook of the entity, and
   * lines `<runbook title or URL>: <date>` for single runbooks, one a line.
   */
  runbookReviewed: `${RELIABILITY_ANNOTATION_PREFIX}/runbook-reviewed`,
  /** Name of a configured error-budget policy replacing the tier's. */
  errorBudgetPolicy: `${RELIABILITY_ANNOTATION_PREFIX}/error-budget-policy`,
  /** How to page when no paging provider is annotated. */
  onCall: `${RELIABILITY_ANNOTATION_PREFIX}/oncall`,
} as const;

/** Paging-provider annotations used across the Backstage ecosystem. */
export const PAGING_ANNOTATIONS = {
  pagerDutyServiceId: 'pagerduty.com/service-id',
  pagerDutyIntegrationKey: 'pagerduty.com/integration-key',
  opsgenieTeam: 'opsgenie.com/team',
  opsgenieComponentSelector: 'opsgenie.com/component-selector',
} as const;

/** Annotation on an OpenSLO SLO document naming its runbook (the Prometheus alerting convention). */
export const OPENSLO_RUNBOOK_ANNOTATION = 'runbook_url';

/** Whether an entity declares anything the Reliability Suite reads (annotations or inline SLOs). */
export function declaresReliability(entity: {
  metadata: { annotations?: Record<string, string> };
  spec?: { reliability?: unknown } & Record<string, unknown>;
}): boolean {
  return (
    Object.keys(entity.metadata.annotations ?? {}).some(key =>
      key.startsWith(`${RELIABILITY_ANNOTATION_PREFIX}/`),
    ) || entity.spec?.reliability !== undefined
  );
}
