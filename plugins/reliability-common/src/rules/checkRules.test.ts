import { checkPrometheusRules, loadableRules } from './checkRules';
import { isTemplateLiteral, templateLiteral } from './templateText';

const record = (labels: Record<string, string> = {}) => ({
  record: 'slo:sli_error:ratio_rate5m',
  expr: 'sum(rate(x_total[5m]))',
  labels,
});
const alert = (
  labels: Record<string, string>,
  annotations: Record<string, string>,
) => ({
  alert: 'SLOErrorBudgetBurnFast',
  expr: 'slo:sli_error:ratio_rate5m > 0.1',
  labels,
  annotations,
});

describe('checkPrometheusRules', () => {
  it('accepts a file Prometheus loads, with literal {{ in alerts and any text in recorded labels', () => {
    expect(
      checkPrometheusRules({
        groups: [
          {
            name: 'slo:component:default/{{x:availability',
            rules: [
              record({ entity: 'component:default/{{x' }),
              alert(
                { entity: templateLiteral('component:default/{{x') },
                { summary: templateLiteral('{{ range query "up" }}') },
              ),
            ],
          },
        ],
      }),
    ).toEqual([]);
  });

  it('reports every reason the file would not load or would run templates, with its group and field', () => {
    expect(
      checkPrometheusRules({
        groups: [
          { name: '', rules: [record()] },
          {
            name: 'slo:a:b',
            rules: [
              { ...record(), expr: 'sum(rate(x_total[5m]' },
              alert(
                { slo: '{{ .Labels }}' },
                { summary: 'ok', runbook_url: 'https://x/{{{ "{{" }}' },
              ),
            ],
          },
          { name: 'slo:a:b', rules: [record({ entity: 'a\ud800' })] },
          { name: 'slo:\udc00', rules: [] },
        ],
      }),
    ).toEqual([
      { group: 0, message: 'group "": name: must not be empty' },
      {
        group: 1,
        message:
          'group "slo:a:b": rules[0].expr: is not a valid PromQL expression (syntax error at character 21)',
      },
      {
        group: 1,
        message:
          'group "slo:a:b": rules[1].labels.slo: opens a Prometheus template action ({{ … }}), which would run when the alert fires',
      },
      {
        group: 1,
        message:
          'group "slo:a:b": rules[1].annotations.runbook_url: opens a Prometheus template action ({{ … }}), which would run when the alert fires',
      },
      {
        group: 2,
        message:
          'group "slo:a:b": name: is repeated (the entity or its SLO is defined twice)',
      },
      {
        group: 2,
        message:
          'group "slo:a:b": rules[0].labels.entity: is not valid Unicode (has a lone surrogate)',
      },
      {
        group: 3,
        message:
          'group "slo:\\udc00": name: is not valid Unicode (has a lone surrogate)',
      },
    ]);
  });
});

describe('loadableRules', () => {
  it('keeps the groups Prometheus loads and gives the problems of the others', () => {
    const ok = { name: 'slo:a:b', rules: [record()] };
    const repeated = { name: 'slo:a:b', rules: [record({ x: 'y' })] };
    const other = { name: 'slo:a:c', rules: [record()] };
    expect(loadableRules({ groups: [ok, repeated, other] })).toEqual({
      rules: { groups: [ok, other] },
      problems: [
        {
          group: 1,
          message:
            'group "slo:a:b": name: is repeated (the entity or its SLO is defined twice)',
        },
      ],
    });
  });
});

describe('templateLiteral', () => {
  it.each([
    ['', ''],
    ['no braces', 'no braces'],
    ['{', '{'],
    ['{{', '{{ "{{" }}'],
    ['}}{{', '}}{{ "{{" }}'],
  ])('writes %j as %j', (text, template) => {
    expect(templateLiteral(text)).toBe(template);
    expect(isTemplateLiteral(template)).toBe(true);
  });

  it.each([
    '{{ .Labels }}',
    // Go opens the action at the first {{, so the literal that follows does not count.
    '{{{ "{{" }}',
    '{{ "{{" }} {{ end }}',
    '{{"{{"}}',
  ])('does not take %j for a literal', template => {
    expect(isTemplateLiteral(template)).toBe(false);
  });
});
