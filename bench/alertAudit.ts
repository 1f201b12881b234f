/*
 * The alert audit's own cost at scale: 10,000 entities with 30,000 SLOs whose rules a Prometheus
 * has loaded (60,000 groups, as `GET /api/v1/rules` answers them), audited the way the pipeline's
 * audit stage does it (`indexLoadedRules` once per source, then `auditSloRules` per SLO, then
 * `orphanRuleGroups`). The baseline, measured in the same run, is the floor of reading the rules
 * at all: `JSON.parse` of the answer's body. Prometheus' own time to build the answer is not
 * measured here (it depends on the server, not on the portal).
 *
 * Run: node --require @backstage/cli/config/nodeTransform.cjs --expose-gc bench/alertAudit.ts
 *      [--entities 10000] [--slos-per-entity 3] [--scan-sample 300]
 * (`yarn bench alert-audit`). Prints Markdown; asserts nothing.
 */
import {
  LoadedRuleGroup,
  SloDefinition,
  auditSloRules,
  buildPrometheusRules,
  indexLoadedRules,
  orphanRuleGroups,
} from '@reliability-suite/plugin-reliability-common';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ENTITIES = argument('entities', 10_000);
const SLOS_PER_ENTITY = argument('slos-per-entity', 3);
const SCAN_SAMPLE = argument('scan-sample', 300);
const DAY_MS = 86_400_000;

function slo(name: string, job: string, target: number): SloDefinition {
  return {
    name,
    indicator: {
      metric: {
        type: 'ratio',
        counter: true,
        good: { query: `http_requests_total{job="${job}",code!~"5.."}` },
        total: { query: `http_requests_total{job="${job}"}` },
      },
    },
    objectives: [{ target }],
    timeWindow: { type: 'rolling', duration: '28d', durationMs: 28 * DAY_MS },
    budgetingMethod: 'Occurrences',
    alertPolicies: [],
    source: { format: 'openslo', file: 'slo.yaml', line: 1 },
  };
}

const TARGETS = [0.99, 0.995, 0.999];
const defined: Array<{ entityRef: string; slo: SloDefinition }> = [];
for (let e = 0; e < ENTITIES; e++)
  for (let s = 0; s < SLOS_PER_ENTITY; s++)
    defined.push({
      entityRef: `component:default/service-${e}`,
      slo: slo(`slo-${s}`, `service-${e}`, TARGETS[s % TARGETS.length]),
    });

/** The `/api/v1/rules` body for what is deployed: 5 % with an old objective, 2 % missing. */
function rulesBody(): string {
  const groups = defined.flatMap(({ entityRef, slo: definition }, n) => {
    const deployed =
      n % 20 === 0
        ? { ...definition, objectives: [{ target: 0.9 }] }
        : definition;
    return buildPrometheusRules(entityRef, [deployed]).rules.groups.map(
      group => ({
        name: group.name,
        file: '/etc/prometheus/rules/slos.yaml',
        interval: 60,
        rules: group.rules
          .filter(
            rule =>
              !(
                n % 50 === 1 &&
                (rule.labels as Record<string, string>)?.long_window === '1h'
              ),
          )
          .map(rule => ({
            type: rule.alert ? 'alerting' : 'recording',
            name: String(rule.alert ?? rule.record),
            query: String(rule.expr),
            labels: rule.labels ?? {},
            ...(rule.alert
              ? {
                  duration: 0,
                  annotations: rule.annotations ?? {},
                  alerts: [],
                  state: 'inactive',
                }
              : {}),
            health: 'ok',
            evaluationTime: 0.0002,
            lastEvaluation: '2026-12-01T00:00:00Z',
          })),
      }),
    );
  });
  return JSON.stringify({ status: 'success', data: { groups } });
}

const gc = () => (global as { gc?: () => void }).gc?.();
const heapMiB = () => process.memoryUsage().heapUsed / 2 ** 20;
function timed<T>(run: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}
const fixed = (n: number, digits = 0) =>
  n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

const body = rulesBody();
gc();
const heapBefore = heapMiB();
const parsed = timed(
  () => JSON.parse(body).data.groups as Array<Record<string, unknown>>,
);
const heapParsed = heapMiB();
const groups = parsed.value as unknown as LoadedRuleGroup[];
const indexed = timed(() => indexLoadedRules(groups));
const audited = timed(() =>
  defined.map(({ entityRef, slo: definition }) =>
    auditSloRules(entityRef, definition, 'prometheus', indexed.value),
  ),
);
const orphans = timed(() =>
  orphanRuleGroups(
    groups,
    defined.map(d => ({ entityRef: d.entityRef, sloName: d.slo.name })),
  ),
);
// Without the index every SLO scans every group: timed on a sample, scaled to all SLOs.
const scanned = timed(() =>
  defined
    .slice(0, SCAN_SAMPLE)
    .map(({ entityRef, slo: definition }) =>
      auditSloRules(entityRef, definition, 'prometheus', groups),
    ),
);
const scanMs = (scanned.ms / SCAN_SAMPLE) * defined.length;

const counts = new Map<string, number>();
for (const audit of audited.value)
  counts.set(audit.status, (counts.get(audit.status) ?? 0) + 1);
const auditMs = indexed.ms + audited.ms + orphans.ms;

console.log(`# Alert audit: ${fixed(defined.length)} SLOs of ${fixed(
  ENTITIES,
)} entities

| Figure | Value | × parse |
| --- | ---: | ---: |
| \`/api/v1/rules\` body | ${fixed(body.length / 2 ** 20, 1)} MiB, ${fixed(
  groups.length,
)} groups | |
| Parse the body (baseline) | ${fixed(parsed.ms)} ms | 1.00 |
| Heap held by the parsed rules | ${fixed(heapParsed - heapBefore)} MiB | |
| Index the groups by name | ${fixed(indexed.ms)} ms | ${fixed(
  indexed.ms / parsed.ms,
  2,
)} |
| Audit every SLO (\`auditSloRules\`) | ${fixed(audited.ms)} ms | ${fixed(
  audited.ms / parsed.ms,
  2,
)} |
| Orphan groups | ${fixed(orphans.ms)} ms | ${fixed(
  orphans.ms / parsed.ms,
  2,
)} |
| **Audit, all of it** | **${fixed(auditMs)} ms** | **${fixed(
  auditMs / parsed.ms,
  2,
)}** |
| Audit without the index (every SLO scans every group; ${fixed(
  SCAN_SAMPLE,
)} timed, scaled) | ${fixed(scanMs / 1000, 1)} s | ${fixed(
  scanMs / parsed.ms,
  0,
)} |

Results: ${[...counts.entries()]
  .map(([status, n]) => `${status} ${fixed(n)}`)
  .join(', ')}; ${fixed(orphans.value.length)} orphan groups.`);
