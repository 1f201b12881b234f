/**
 * One catalog file holding `count` Components (`svc-0` …), each with one inline SLO and, with
 * `sloFiles`, an annotation pointing to its own OpenSLO file (`slo/svc-N-*.yaml`): the shape of
 * generated org files and monorepos, for the tests of reading definitions once per change.
 */
export function manyEntitiesCatalog(
  count: number,
  options: { sloFiles?: boolean } = {},
): string {
  return Array.from(
    { length: count },
    (_, i) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc-${i}
${
  options.sloFiles
    ? `  annotations:\n    reliability-suite.io/slo-files: slo/svc-${i}-*.yaml\n`
    : ''
}spec:
  type: service
  owner: team-a
  lifecycle: production
  reliability:
    slos:
      - name: availability
        objective: 99.9%
        good: ok_total
        total: all_total
`,
  ).join('---\n');
}

/** An OpenSLO file of one Occurrences SLO named `name`, over `up`. */
export function oneSloFile(name: string): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  indicator:
    metadata: { name: up }
    spec:
      thresholdMetric:
        metricSource: { type: Prometheus, spec: { query: up } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99, op: gte, value: 1 }]
`;
}
