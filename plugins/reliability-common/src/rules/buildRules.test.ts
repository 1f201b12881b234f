import { SloDefinition } from '../slo';
import {
  buildPrometheusRules,
  entityRunbook,
  prometheusRulesYaml,
} from './buildRules';
import { checkPrometheusRules } from './checkRules';

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
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * 86_400_000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'openslo', file: 'slo/checkout.yaml', line: 1 },
  ...fields,
});

/** The first alert (fast burn, 1h/5m) of the only group. */
function firstAlert(entityRef: string, definition: SloDefinition) {
  const { rules } = buildPrometheusRules(entityRef, [definition]);
  const alert = rules.groups[0].rules[7];
  return {
    labels: alert.labels as Record<string, string>,
    annotations: alert.annotations as Record<string, string>,
    rules,
  };
}

const ref = 'component:default/checkout';
const burns =
  ' of component:default/checkout burns its error budget at over 14.4× (1h/5m)';

describe('alert annotations render as the texts they were made from', () => {
  it.each([
    [
      'plain text, as written',
      'Checkout availability',
      'Checkout availability',
    ],
    ['an unbalanced {{', 'a {{ b', 'a {{ "{{" }} b'],
    ['a lone }}, which is text in Go templates', 'a }} b', 'a }} b'],
    [
      'a query that would run whenever the alert renders',
      '{{ range query "up" }}{{ . }}{{ end }}',
      '{{ "{{" }} range query "up" }}{{ "{{" }} . }}{{ "{{" }} end }}',
    ],
    ['the alert’s labels', '{{ .Labels }}', '{{ "{{" }} .Labels }}'],
    ['three braces', '{{{x}}}', '{{ "{{" }}{x}}}'],
    ['four braces', '{{{{', '{{ "{{" }}{{ "{{" }}'],
    [
      'a trim marker and a comment',
      '{{- /* c */ -}}',
      '{{ "{{" }}- /* c */ -}}',
    ],
    [
      'backticks, quotes and backslashes',
      '`a` "b" \'c\' \\ \\"',
      '`a` "b" \'c\' \\ \\"',
    ],
    ['newlines and tabs', 'line 1\nline 2\r\n\tend', 'line 1\nline 2\r\n\tend'],
    [
      'Unicode',
      'Disponibilité ✓ 🚀 في الخدمة \u2028',
      'Disponibilité ✓ 🚀 في الخدمة \u2028',
    ],
  ])('%s', (_what, displayName, written) => {
    const { annotations, rules } = firstAlert(ref, slo({ displayName }));
    expect(annotations.summary).toBe(`${written}${burns}`);
    expect(checkPrometheusRules(rules)).toEqual([]);
  });

  it('writes the runbook URL as a template that renders as the URL', () => {
    const { annotations } = firstAlert(
      ref,
      slo({
        runbook: 'https://runbooks.example.com/{{ $labels.instance }}?q="x"',
      }),
    );
    expect(annotations).toEqual({
      summary: `availability${burns}`,
      description:
        'At this rate 2% of the 30d error budget is spent within 1h.',
      runbook_url:
        'https://runbooks.example.com/{{ "{{" }} $labels.instance }}?q="x"',
    });
  });

  it('writes an entity reference as it is in group names, recorded labels and expressions, and as a template in alerts', () => {
    const hostile = 'component:default/{{ query "up" }}"\\';
    const { labels, annotations, rules } = firstAlert(hostile, slo());
    expect(rules.groups[0].name).toBe(
      'slo:component:default/{{ query "up" }}"\\:availability',
    );
    expect(rules.groups[0].rules[0].labels).toEqual({
      slo: 'availability',
      entity: hostile,
    });
    expect(rules.groups[0].rules[7].expr).toBe(
      '(slo:sli_error:ratio_rate1h{slo="availability",entity="component:default/{{ query \\"up\\" }}\\"\\\\"} > (14.4 * 0.001))' +
        ' and (slo:sli_error:ratio_rate5m{slo="availability",entity="component:default/{{ query \\"up\\" }}\\"\\\\"} > (14.4 * 0.001))',
    );
    expect(labels).toEqual({
      slo: 'availability',
      entity: 'component:default/{{ "{{" }} query "up" }}"\\',
      severity: 'page',
      long_window: '1h',
      short_window: '5m',
    });
    expect(annotations.summary).toBe(
      'availability of component:default/{{ "{{" }} query "up" }}"\\ burns its error budget at over 14.4× (1h/5m)',
    );
    expect(checkPrometheusRules(rules)).toEqual([]);
  });

  it('writes shared labels out in every rule, never as YAML anchors and aliases', () => {
    const { rules } = buildPrometheusRules(ref, [
      slo(),
      slo({ name: 'latency' }),
    ]);
    const yaml = prometheusRulesYaml(rules);
    expect(yaml).not.toMatch(/[&*]a\d/);
    expect(yaml.match(/\n {10}slo: availability\n/g)).toHaveLength(7 + 4 + 3);
  });

  it('keeps an ordinary rule file as it was', () => {
    const { rules } = buildPrometheusRules(ref, [
      slo({
        displayName: 'Checkout availability',
        runbook: 'https://r.example.com/c',
      }),
    ]);
    const yaml = prometheusRulesYaml(rules);
    expect(yaml).toContain(
      '          summary: Checkout availability of component:default/checkout burns its error budget at over 14.4× (1h/5m)\n',
    );
    expect(yaml).toContain('          runbook_url: https://r.example.com/c\n');
    expect(yaml).not.toContain('{{');
  });
});

describe('runbook links in alerts', () => {
  const runbookOf = (definition: SloDefinition, entityRunbookUrl?: string) =>
    (
      buildPrometheusRules(ref, [definition], { runbook: entityRunbookUrl })
        .rules.groups[0].rules[7].annotations as Record<string, string>
    ).runbook_url;

  it('writes only a link that may be followed, falling back to the entity runbook', () => {
    expect(runbookOf(slo({ runbook: 'javascript:alert(1)' }))).toBeUndefined();
    expect(
      runbookOf(
        slo({ runbook: 'data:text/html,x' }),
        'https://runbooks.example.com/checkout',
      ),
    ).toBe('https://runbooks.example.com/checkout');
    expect(runbookOf(slo(), 'vbscript:msgbox(1)')).toBeUndefined();
  });

  it('takes the first runbook link of an entity that is http(s)', () => {
    expect(
      entityRunbook([
        { url: 'https://wiki.example.com', type: 'website' },
        { url: 'javascript:alert(1)', type: 'runbook' },
        { url: 'https://runbooks.example.com/a', type: 'runbook' },
      ]),
    ).toBe('https://runbooks.example.com/a');
    expect(entityRunbook(undefined)).toBeUndefined();
  });
});
