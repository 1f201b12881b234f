import { SloDefinition } from '../slo';
import {
  LoadedRuleGroup,
  auditSloRules,
  describeAlertAudit,
  indexLoadedRules,
  orphanRuleGroups,
  promqlTokens,
  sameExpression,
} from './auditRules';
import { buildPrometheusRules } from './buildRules';

const slo = (fields: Partial<SloDefinition> = {}): SloDefinition => ({
  name: 'availability',
  indicator: {
    metric: {
      type: 'ratio',
      counter: true,
      good: { query: 'http_requests_total{job="checkout",code!~"5.."}' },
      total: { query: 'http_requests_total{job="checkout"}' },
    },
  },
  objectives: [{ target: 0.99 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * 86_400_000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'openslo', file: 'slo/checkout.yaml', line: 1 },
  ...fields,
});

const ref = 'component:default/checkout';

/** The groups as Prometheus reports them once loaded (durations printed its way). */
function loaded(definition: SloDefinition): LoadedRuleGroup[] {
  return buildPrometheusRules(ref, [definition]).rules.groups.map(group => ({
    name: group.name,
    rules: group.rules.map(rule => ({
      type: rule.alert ? ('alerting' as const) : ('recording' as const),
      name: String(rule.alert ?? rule.record),
      query: String(rule.expr).replaceAll('[30d]', '[4w2d]'),
      labels: rule.labels as Record<string, string>,
      ...(rule.annotations
        ? { annotations: rule.annotations as Record<string, string> }
        : {}),
    })),
  }));
}

/** The loaded groups with the fast 1h/5m alert changed. */
const withFastAlert = (
  change: (rule: LoadedRuleGroup['rules'][number]) => object,
) =>
  loaded(slo()).map(g => ({
    ...g,
    rules: g.rules.map(r =>
      r.name === 'SLOErrorBudgetBurnFast' && r.labels.long_window === '1h'
        ? { ...r, ...change(r) }
        : r,
    ),
  }));

const without = (groups: LoadedRuleGroup[], name: string, window?: string) =>
  groups.map(g => ({
    ...g,
    rules: g.rules.filter(
      r => !(r.name === name && (!window || r.labels.long_window === window)),
    ),
  }));

describe('auditSloRules', () => {
  it.each<[string, () => LoadedRuleGroup[], string, string[]]>([
    ['the rules of the definition', () => loaded(slo()), 'deployed', []],
    ['nothing loaded', () => [], 'no-rules', ['no rules deployed']],
    [
      'another entity’s rules only',
      () => loaded(slo()).map(g => ({ ...g, name: `${g.name}x` })),
      'no-rules',
      ['no rules deployed'],
    ],
    [
      'the fast 1h/5m alert left out',
      () => without(loaded(slo()), 'SLOErrorBudgetBurnFast', '1h'),
      'missing',
      ['missing: SLOErrorBudgetBurnFast 1h/5m'],
    ],
    [
      'a recording rule left out',
      () => without(loaded(slo()), 'slo:sli_error:ratio_rate5m'),
      'missing',
      ['missing: recording rule slo:sli_error:ratio_rate5m'],
    ],
    [
      'an old objective (99.9 %) still deployed',
      () => loaded(slo({ objectives: [{ target: 0.999 }] })),
      'out-of-date',
      ['out of date: threshold 0.999 deployed, 0.99 defined'],
    ],
    [
      'a recording rule over another query',
      () =>
        loaded(slo()).map(g => ({
          ...g,
          rules: g.rules.map(r =>
            r.name === 'slo:sli_error:ratio_rate1h'
              ? { ...r, query: r.query.replaceAll('checkout', 'cart') }
              : r,
          ),
        })),
      'out-of-date',
      [
        'out of date: recording rule slo:sli_error:ratio_rate1h expression differs',
      ],
    ],
    [
      'an alert over other windows (a 7-day SLO’s rules)',
      () =>
        loaded(
          slo({
            timeWindow: {
              type: 'rolling',
              duration: '7d',
              durationMs: 7 * 86_400_000,
            },
          }),
        ),
      'missing',
      [
        'missing: recording rule slo:objective:ratio',
        'missing: recording rule slo:sli_total:increase30d',
        'missing: recording rule slo:sli_good:increase30d',
        'out of date: SLOErrorBudgetBurnFast 1h/5m expression differs',
        'out of date: SLOErrorBudgetBurnFast 1h/5m annotation description differs',
        'out of date: SLOErrorBudgetBurnFast 1h/5m annotation summary differs',
        'out of date: SLOErrorBudgetBurnFast 6h/30m expression differs',
        'out of date: SLOErrorBudgetBurnFast 6h/30m annotation description differs',
        'out of date: SLOErrorBudgetBurnFast 6h/30m annotation summary differs',
        'out of date: SLOErrorBudgetBurnSlow 1d/2h expression differs',
        'out of date: SLOErrorBudgetBurnSlow 1d/2h annotation description differs',
        'out of date: SLOErrorBudgetBurnSlow 1d/2h annotation summary differs',
        'out of date: SLOErrorBudgetBurnSlow 3d/6h expression differs',
        'out of date: SLOErrorBudgetBurnSlow 3d/6h annotation description differs',
        'out of date: SLOErrorBudgetBurnSlow 3d/6h annotation summary differs',
      ],
    ],
    [
      'the fast alert deployed over other windows',
      () =>
        loaded(slo()).map(g => ({
          ...g,
          rules: g.rules.map(r =>
            r.labels.long_window === '1h'
              ? { ...r, labels: { ...r.labels, long_window: '2h' } }
              : r,
          ),
        })),
      'missing',
      [
        'missing: SLOErrorBudgetBurnFast 1h/5m',
        'out of date: SLOErrorBudgetBurnFast 2h/5m deployed, not defined',
      ],
    ],
    [
      'the fast alert deployed with `for: 10m`',
      () => withFastAlert(() => ({ durationSeconds: 600 })),
      'out-of-date',
      [
        'out of date: SLOErrorBudgetBurnFast 1h/5m waits 10m before firing, at once defined',
      ],
    ],
    [
      'the fast alert routed as a ticket',
      () =>
        withFastAlert(r => ({ labels: { ...r.labels, severity: 'ticket' } })),
      'out-of-date',
      [
        'out of date: SLOErrorBudgetBurnFast 1h/5m severity ticket deployed, page defined',
      ],
    ],
    [
      'the fast alert with a label of its own and another runbook link',
      () =>
        withFastAlert(r => ({
          labels: { ...r.labels, team: 'payments' },
          annotations: {
            ...r.annotations,
            runbook_url: 'https://runbooks.example.com/old',
          },
        })),
      'out-of-date',
      [
        'out of date: SLOErrorBudgetBurnFast 1h/5m label team differs',
        'out of date: SLOErrorBudgetBurnFast 1h/5m runbook link differs',
      ],
    ],
    [
      'the fast alert with the summary of a renamed SLO',
      () =>
        withFastAlert(r => ({
          annotations: { ...r.annotations, summary: 'Old name burns' },
        })),
      'out-of-date',
      ['out of date: SLOErrorBudgetBurnFast 1h/5m annotation summary differs'],
    ],
    [
      'a source that reports no annotations (nothing to compare)',
      () => withFastAlert(() => ({ annotations: undefined })),
      'deployed',
      [],
    ],
  ])('%s', (_, groups, status, findings) => {
    const audit = auditSloRules(ref, slo(), 'prometheus', groups());
    expect(audit.status).toBe(status);
    expect(audit.findings).toEqual(findings);
  });

  it('says an SLO without exportable rules has nothing to check', () => {
    const audit = auditSloRules(
      ref,
      slo({
        timeWindow: {
          type: 'calendar',
          duration: '1M',
          startTime: '2026-01-01T00:00:00Z',
          timeZone: 'UTC',
        },
      }),
      'prometheus',
      [],
    );
    expect(audit).toEqual({
      entityRef: ref,
      sloName: 'availability',
      source: 'prometheus',
      status: 'not-exportable',
      findings: [],
    });
    expect(describeAlertAudit(audit)).toBe(
      'No burn-rate rules can be generated',
    );
  });

  it('reads the line people see', () => {
    expect(
      describeAlertAudit(auditSloRules(ref, slo(), 'p', loaded(slo()))),
    ).toBe('Alerts deployed');
    expect(
      describeAlertAudit(
        auditSloRules(
          ref,
          slo(),
          'p',
          without(loaded(slo()), 'SLOErrorBudgetBurnFast', '1h'),
        ),
      ),
    ).toBe('missing: SLOErrorBudgetBurnFast 1h/5m');
  });
});

describe('indexLoadedRules', () => {
  it('finds a group loaded from two files under one name, as the scan did', () => {
    const [main, window] = loaded(slo());
    const split = [
      { name: main.name, rules: main.rules.slice(0, 3) },
      window,
      { name: 'node-exporter', rules: [] },
      { name: main.name, rules: main.rules.slice(3) },
    ];
    const index = indexLoadedRules(split);
    expect(index.get(main.name)?.length).toBe(2);
    expect(auditSloRules(ref, slo(), 'p', index)).toEqual(
      auditSloRules(ref, slo(), 'p', split),
    );
    expect(auditSloRules(ref, slo(), 'p', index).status).toBe('deployed');
  });
});

describe('orphanRuleGroups', () => {
  it('names the groups of SLOs that no longer exist, not other groups', () => {
    const groups = [
      ...loaded(slo()),
      { name: 'slo:component:default/gone:latency', rules: [] },
      { name: 'slo:component:default/gone:latency:window', rules: [] },
      { name: 'node-exporter', rules: [] },
    ];
    expect(
      orphanRuleGroups(groups, [{ entityRef: ref, sloName: 'availability' }]),
    ).toEqual([
      'slo:component:default/gone:latency',
      'slo:component:default/gone:latency:window',
    ]);
  });
});

describe('expressions compared as Prometheus prints them', () => {
  it.each([
    ['sum(rate(x[30d]))', 'sum(rate(x[4w2d]))', true],
    [
      '(a > (14.4 * 0.0010000000000000009))',
      '(a > (14.4 * 1.0000000000000009e-03))',
      true,
    ],
    ['a{job="x"}', "a{job='x'}", true],
    ['a{job="x",code!~"5.."}', 'a{code!~"5..",job="x"}', true],
    ['a{job="x",code!~"5.."}', 'a{code=~"5..",job="x"}', false],
    ['a{job="x"}', 'a{job="y"}', false],
    ['vector(0.99)', 'vector(0.999)', false],
    ['rate(x[5m])', 'rate(x[1h])', false],
  ])('%s and %s are the same: %s', (a, b, same) => {
    expect(sameExpression(a, b)).toBe(same);
  });

  it('tokenizes record names as one identifier', () => {
    expect(
      promqlTokens('slo:sli_error:ratio_rate5m{slo="a",entity="b"} > 1e-05'),
    ).toEqual([
      'slo:sli_error:ratio_rate5m',
      '{',
      'entity',
      '=',
      '"b"',
      ',',
      'slo',
      '=',
      '"a"',
      '}',
      '>',
      0.00001,
    ]);
  });
});
