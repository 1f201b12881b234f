import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { SloDefinition } from '@reliability-suite/plugin-reliability-common';
import { parse } from 'yaml';
import { StoredDefinitionsReader } from './StoredDefinitionsReader';
import { promtoolCheckRules, promtoolTestRules } from '../testing/promtool';
import { EntityAccess } from './EntityAccess';
import { RulesService } from './RulesService';

jest.setTimeout(60_000);

/** Display names a team could write, each of which Prometheus would otherwise run or reject. */
const HOSTILE_NAMES = [
  '{{',
  '}}',
  '{{ range query "up" }}{{ . }}{{ end }}',
  '{{ .Labels }}',
  '{{ $labels.instance }} {{ $value }}',
  '{{{x}}}',
  '{{- /* comment */ -}}',
  '`backticks` "double" \'single\' \\ \\n \\"',
  'line 1\nline 2\r\n\tindented',
  'Disponibilité ✓ 🚀 في الخدمة',
  '# not a comment: {a: [b]} &anchor *alias !tag %',
];
const ENTITY_RUNBOOK = 'https://runbooks.example.com/{{ $labels.instance }}';
const OWN_RUNBOOK = 'https://runbooks.example.com/own?x={{ query "up" }}';

const slo = (name: string, fields: Partial<SloDefinition>): SloDefinition => ({
  name,
  indicator: {
    metric: {
      type: 'ratio',
      counter: true,
      good: { query: 'http_requests_total{job="checkout",code!~"5.."}' },
      total: { query: 'http_requests_total{job="checkout"}' },
    },
  },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * 86_400_000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'openslo', file: 'slo/checkout.yaml', line: 1 },
  ...fields,
});

const slos = [
  ...HOSTILE_NAMES.map((displayName, i) =>
    slo(`hostile-${i}`, { displayName }),
  ),
  slo('own-runbook', { runbook: OWN_RUNBOOK }),
];

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    links: [{ type: 'runbook', url: ENTITY_RUNBOOK }],
  },
  spec: {},
};

/** The rules service of the checkout entity, whose stored definitions are `definitions`. */
const serviceOf = (definitions: SloDefinition[]) =>
  new RulesService({
    access: { visibleEntity: async () => entity } as unknown as EntityAccess,
    definitions: new StoredDefinitionsReader({
      get: async () => ({
        entityRef: 'component:default/checkout',
        settings: { sloFilePatterns: [] },
        slos: definitions,
        problems: [],
        readAt: 0,
      }),
    }),
  });

/** The 30-day window's alerts: name, severity, windows, burn rate and budget share. */
const ALERTS = [
  ['SLOErrorBudgetBurnFast', 'page', '1h', '5m', 14.4, 2],
  ['SLOErrorBudgetBurnFast', 'page', '6h', '30m', 6, 5],
  ['SLOErrorBudgetBurnSlow', 'ticket', '1d', '2h', 3, 10],
  ['SLOErrorBudgetBurnSlow', 'ticket', '3d', '6h', 1, 10],
] as const;

/** The alerts Prometheus fires for every SLO, with the texts it must render, written out. */
function expectedAlerts(alertname: string) {
  return slos.flatMap(definition =>
    ALERTS.filter(([name]) => name === alertname).map(
      ([, severity, long, short, burnRate, share]) => ({
        exp_labels: {
          slo: definition.name,
          entity: 'component:default/checkout',
          severity,
          long_window: long,
          short_window: short,
        },
        exp_annotations: {
          summary: `${
            definition.displayName ?? definition.name
          } of component:default/checkout burns its error budget at over ${burnRate}× (${long}/${short})`,
          description: `At this rate ${share}% of the 30d error budget is spent within ${long}.`,
          runbook_url: definition.runbook ?? ENTITY_RUNBOOK,
        },
      }),
    ),
  );
}

/** Every request fails: every alert of every SLO fires. */
const EVERY_REQUEST_FAILS = [
  {
    series: 'http_requests_total{job="checkout",code="500"}',
    values: '0+10x30',
  },
  {
    series: 'http_requests_total{job="checkout",code="200"}',
    values: '0+0x30',
  },
];

describe('rules served for hostile display names and runbooks', () => {
  let yaml: string;
  beforeAll(async () => {
    yaml = await serviceOf(slos).rulesYaml(
      'component:default/checkout',
      mockCredentials.user(),
    );
  });

  it('writes every text as a template that prints it', () => {
    // Two groups an SLO: burn rates and alerts, then the window's counts.
    const groups = parse(yaml).groups;
    expect(groups).toHaveLength(24);
    const annotations = (sloIndex: number) =>
      groups[2 * sloIndex].rules[7].annotations;
    expect(annotations(2)).toEqual({
      summary:
        '{{ "{{" }} range query "up" }}{{ "{{" }} . }}{{ "{{" }} end }} of component:default/checkout burns its error budget at over 14.4× (1h/5m)',
      description:
        'At this rate 2% of the 30d error budget is spent within 1h.',
      runbook_url:
        'https://runbooks.example.com/{{ "{{" }} $labels.instance }}',
    });
    expect(annotations(8).summary).toBe(
      'line 1\nline 2\r\n\tindented of component:default/checkout burns its error budget at over 14.4× (1h/5m)',
    );
    expect(annotations(11).runbook_url).toBe(
      'https://runbooks.example.com/own?x={{ "{{" }} query "up" }}',
    );
  });

  it('passes promtool check rules', async () => {
    const result = await promtoolCheckRules(yaml);
    expect(result).toEqual({
      code: 0,
      output: 'Checking rules.yaml\n  SUCCESS: 168 rules found\n\n',
    });
  });

  it('renders, in Prometheus, each firing alert’s labels and annotations as the original texts', async () => {
    const result = await promtoolTestRules(yaml, [
      {
        interval: '1m',
        input_series: EVERY_REQUEST_FAILS,
        alert_rule_test: [
          'SLOErrorBudgetBurnFast',
          'SLOErrorBudgetBurnSlow',
        ].map(alertname => ({
          eval_time: '10m',
          alertname,
          exp_alerts: expectedAlerts(alertname),
        })),
      },
    ]);
    expect(result).toEqual({
      code: 0,
      output: 'Unit Testing:  test.yaml\n  SUCCESS\n\n',
    });
  });

  it('would fail promtool test rules if one rendered text differed', async () => {
    const alerts = expectedAlerts('SLOErrorBudgetBurnFast');
    alerts[4].exp_annotations.summary =
      alerts[4].exp_annotations.summary.replace('{{ range', '{{ "{{" }} range');
    const result = await promtoolTestRules(yaml, [
      {
        interval: '1m',
        input_series: EVERY_REQUEST_FAILS,
        alert_rule_test: [
          {
            eval_time: '10m',
            alertname: 'SLOErrorBudgetBurnFast',
            exp_alerts: alerts,
          },
        ],
      },
    ]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('FAILED');
  });
});

describe('rules served for an SLO name defined twice', () => {
  it('leave the second out, say why, and load', async () => {
    const yaml = await serviceOf([
      slo('availability', { displayName: 'From the inline form' }),
      slo('availability', { displayName: 'From an OpenSLO file' }),
    ]).rulesYaml('component:default/checkout', mockCredentials.user());
    expect(yaml.split('\n').slice(0, 3)).toEqual([
      '# Prometheus rules for component:default/checkout, generated by the Reliability Suite from its SLO definitions.',
      '# Left out, Prometheus would not load it: group "slo:component:default/checkout:availability": name: is repeated (the entity or its SLO is defined twice)',
      'groups:',
    ]);
    expect(parse(yaml).groups[0].rules[7].annotations.summary).toBe(
      'From the inline form of component:default/checkout burns its error budget at over 14.4× (1h/5m)',
    );
    expect(await promtoolCheckRules(yaml)).toEqual({
      code: 0,
      output: 'Checking rules.yaml\n  SUCCESS: 14 rules found\n\n',
    });
  });
});
