import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The hostile corpus: definitions a team's repository may hold, run through the CLI, the catalog
 * and the API (hostileCorpus tests). Each case states exactly what a user must see. Grow it with
 * every bug found in untrusted input.
 */

/** Text that must never appear in any output: it is in files outside every entity's folder. */
export const CANARY = 'CANARY-7f3a9c-never-shown';

/** The SLO document that the canary files hold, so a read that escapes would define `stolen`. */
const CANARY_FILE = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: stolen
  displayName: ${CANARY}
spec:
  indicator:
    metadata: { name: ${CANARY.toLowerCase()} }
    spec:
      thresholdMetric:
        metricSource: { type: Prometheus, spec: { query: up } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99, op: gte, value: 1 }]
`;

export type HostileCategory =
  | 'containment'
  | 'yaml'
  | 'promql-injection'
  | 'query'
  | 'window'
  | 'date'
  | 'length'
  | 'link'
  | 'name'
  | 'template'
  | 'annotation';

/** One hostile entity: its own file's parts, the files beside it, and what must be reported. */
export interface DefinitionCase {
  id: string;
  category: HostileCategory;
  annotations?: Record<string, string>;
  links?: Array<Record<string, string>>;
  /** Inline SLOs (`spec.reliability.slos`) as YAML lines, indented for a list item. */
  inline?: string;
  /** Files relative to the entity's folder. */
  files?: Record<string, string>;
  /** Symbolic links relative to the entity's folder, to targets relative to it. */
  symlinks?: Record<string, string>;
  /** Definition problems, `file:line field: reason`, as the CLI and the catalog report them. */
  problems: string[];
  /** Further problems only the profile shows (links), when there are any. */
  profileProblems?: string[];
  /** SLOs that stay valid. */
  slos?: string[];
}

/** A valid OpenSLO ratio SLO (99.9 % over 30 days), with `extra` appended. */
export const ratioSlo = (name: string, extra = '') => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  indicator:
    metadata: { name: ok }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{code!~"5.."}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: http_requests_total } } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.999 }]
${extra}`;

const thresholdSlo = (query: string) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: threshold
spec:
  indicator:
    metadata: { name: value }
    spec:
      thresholdMetric:
        metricSource: { type: Prometheus, spec: { query: ${JSON.stringify(
          query,
        )} } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99, op: lte, value: 1 }]
`;

const inlineRatio = (extra: string, good = 'ok_total') =>
  `- name: inline\n  objective: 99.9%\n  good: ${JSON.stringify(
    good,
  )}\n  total: all_total\n${extra}`;

/** A billion-laughs document: 9⁴ copies of `x` from four lines of aliases. */
export const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
].join('\n');

const files = (pattern: string) => ({
  'reliability-suite.io/slo-files': pattern,
});
const ANNOTATION = 'metadata.annotations.reliability-suite.io/slo-files';
const OUTSIDE = (pattern: string) =>
  `catalog-info.yaml:7 ${ANNOTATION}: "${pattern}" leads outside the folder of the entity's file`;
const NOT_RELATIVE = (pattern: string) =>
  `catalog-info.yaml:7 ${ANNOTATION}: "${pattern}" must be a path relative to this file, inside its folder`;
const COUNTER =
  'must be a counter: a metric selector such as http_requests_total{code=~"5.."}, or sum(…) or sum by (labels) (…) of one, counted with increase() over the window';

const SYNTAX = (at: number, near: string) =>
  `is not a valid PromQL expression (syntax error at character ${at} near "${near}")`;

/** PromQL that tries to break out of `increase(…)` or run more than a selector, and why not. */
const INJECTIONS: Array<[string, string]> = [
  ['up) or vector(1', SYNTAX(3, ') or vector(1')],
  ['up{job="x"} or vector(1)', COUNTER],
  // sum(selector) is a counter (counted as the selector); anything around or inside it is not.
  ['sum(up) or vector(1)', COUNTER],
  ['sum(sum(up))', COUNTER],
  ['avg(up)', COUNTER],
  ['sum by (job) (up) * 100', COUNTER],
  ['up[5m]', COUNTER],
  ['up offset 1d', COUNTER],
  ['{__name__=~".+"} or up', COUNTER],
  ['label_replace(up, "a", "b", "c", "d")', COUNTER],
  ['up unless up', COUNTER],
  ['vector(1)', COUNTER],
  ['up{job="x"}) by (job', SYNTAX(12, ') by (job')],
  ['up and on() absent(up)', COUNTER],
  [
    'http_requests_total{job="checkout"}[30d])) or sum(increase(up[30d]',
    SYNTAX(41, ')) or sum(increase(u'),
  ],
];

export const DEFINITION_CASES: DefinitionCase[] = [
  // Containment: every file resolves inside the entity's folder.
  ...[
    '.[.]/.[.]/secret.yaml',
    '[.][.]/secret.yaml',
    '[.][.]/[.][.]/secret-outside.yaml',
    '*/../../secret.yaml'.replace(/\.\./g, '.[.]'),
    '.[.]/*',
    'slo/link-to-secret.yaml',
    'slo/*.yaml',
    'linked-dir/secret.yaml',
    'linked-dir/*.yaml',
  ].map((pattern, index) => ({
    id: `containment-${index + 1}`,
    category: 'containment' as const,
    annotations: files(pattern),
    files: { 'slo/ok.yaml': ratioSlo('kept') },
    symlinks: {
      'slo/link-to-secret.yaml': '../../secret.yaml',
      'linked-dir': '../outside',
    },
    problems: [OUTSIDE(pattern)],
  })),
  ...[
    '../secret.yaml',
    '/etc/passwd',
    'file:///etc/passwd',
    'slo/../../secret.yaml',
    'https://evil.example/slo.yaml',
  ].map((pattern, index) => ({
    id: `containment-relative-${index + 1}`,
    category: 'containment' as const,
    annotations: files(pattern),
    problems: [NOT_RELATIVE(pattern)],
  })),
  {
    // The annotation is a comma-separated list, so a brace alternative splits into patterns.
    id: 'containment-braces',
    category: 'containment',
    annotations: files('{..,slo}/secret.yaml'),
    problems: [
      `catalog-info.yaml:7 ${ANNOTATION}: no file matches "{.."`,
      `catalog-info.yaml:7 ${ANNOTATION}: no file matches "slo}/secret.yaml"`,
    ],
  },
  {
    id: 'containment-recursive-glob',
    category: 'containment',
    annotations: files('**/secret.yaml'),
    symlinks: { 'linked-dir': '../outside' },
    problems: [
      `catalog-info.yaml:7 ${ANNOTATION}: no file matches "**/secret.yaml"`,
    ],
  },
  {
    id: 'containment-inside-link',
    category: 'containment',
    annotations: files('ok.yaml'),
    files: { 'slo/a.yaml': ratioSlo('through-link') },
    symlinks: { 'ok.yaml': 'slo/a.yaml' },
    problems: [],
    slos: ['through-link'],
  },
  {
    id: 'containment-folder',
    category: 'containment',
    annotations: files('slo'),
    files: { 'slo/a.yaml': ratioSlo('a') },
    problems: [
      `catalog-info.yaml:7 ${ANNOTATION}: "slo" is a folder, not a file`,
    ],
  },
  {
    id: 'containment-too-large',
    category: 'containment',
    annotations: files('big.yaml'),
    files: { 'big.yaml': `# ${'x'.repeat(1024 * 1024)}\n` },
    problems: [
      `catalog-info.yaml:7 ${ANNOTATION}: "big.yaml": big.yaml is larger than 1 MiB`,
    ],
  },

  // YAML: bounded parsing, and a file that cannot be read never hides the entity.
  {
    id: 'yaml-alias-bomb',
    category: 'yaml',
    annotations: files('slo/*.yaml'),
    files: { 'slo/bomb.yaml': ALIAS_BOMB },
    problems: [
      'slo/bomb.yaml:1: invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
    ],
  },
  {
    id: 'yaml-deep-lists',
    category: 'yaml',
    annotations: files('slo/deep.yaml'),
    files: { 'slo/deep.yaml': `${'['.repeat(3000)}${']'.repeat(3000)}\n` },
    problems: ['slo/deep.yaml:1: invalid YAML: nested deeper than 64 levels'],
  },
  {
    id: 'yaml-deep-maps',
    category: 'yaml',
    annotations: files('slo/deep.yaml'),
    files: {
      'slo/deep.yaml': `${Array.from(
        { length: 80 },
        (_, i) => `${' '.repeat(i)}k${i}:`,
      ).join('\n')} 1\n`,
    },
    problems: ['slo/deep.yaml:65: invalid YAML: nested deeper than 64 levels'],
  },
  {
    id: 'yaml-duplicate-keys',
    category: 'yaml',
    annotations: files('slo/a.yaml'),
    files: {
      'slo/a.yaml': ratioSlo('a').replace(
        'kind: SLO\n',
        'kind: SLO\nkind: SLI\n',
      ),
    },
    problems: ['slo/a.yaml:3: invalid YAML: Map keys must be unique'],
  },
  {
    id: 'yaml-tabs',
    category: 'yaml',
    annotations: files('slo/a.yaml'),
    files: { 'slo/a.yaml': 'apiVersion: openslo/v1\nmetadata:\n\tname: a\n' },
    problems: [
      'slo/a.yaml:3: invalid YAML: Tabs are not allowed as indentation',
    ],
  },
  {
    id: 'yaml-binary',
    category: 'yaml',
    annotations: files('slo/a.yaml'),
    files: { 'slo/a.yaml': '\u0000\u0001\u0002PNG\r\n' },
    problems: ['slo/a.yaml:1: must be a mapping (an OpenSLO document)'],
  },
  {
    id: 'yaml-not-a-mapping',
    category: 'yaml',
    annotations: files('slo/a.yaml'),
    files: { 'slo/a.yaml': '- just\n- a list\n' },
    problems: ['slo/a.yaml:1: must be a mapping (an OpenSLO document)'],
  },
  {
    id: 'yaml-many-documents',
    category: 'yaml',
    annotations: files('slo/a.yaml'),
    files: { 'slo/a.yaml': `${ratioSlo('many')}${'---\n'.repeat(2000)}` },
    problems: [],
    slos: ['many'],
  },

  // PromQL that tries to escape increase(): only a selector, or sum of one, is a counter.
  ...INJECTIONS.map(([good, reason], index) => ({
    id: `promql-injection-${index + 1}`,
    category: 'promql-injection' as const,
    inline: inlineRatio('', good),
    problems: [`catalog-info.yaml:15 spec.reliability.slos[0].good: ${reason}`],
  })),
  {
    id: 'promql-injection-syntax',
    category: 'promql-injection',
    annotations: files('slo/a.yaml'),
    files: { 'slo/a.yaml': thresholdSlo('up; drop table slo_status') },
    problems: [
      'slo/a.yaml:10 spec.indicator.spec.thresholdMetric.metricSource.spec.query: is not a valid PromQL expression (syntax error at character 3 near "; drop table slo_sta")',
    ],
  },
  {
    id: 'promql-injection-comment',
    category: 'promql-injection',
    annotations: files('slo/a.yaml'),
    files: { 'slo/a.yaml': thresholdSlo('up) # or vector(1)') },
    problems: [
      'slo/a.yaml:10 spec.indicator.spec.thresholdMetric.metricSource.spec.query: is not a valid PromQL expression (syntax error at character 3 near ") # or vector(1)")',
    ],
  },

  // Queries that parse but cannot be measured: refused where they are parsed.
  ...(
    [
      [
        'histogram_quantile(0.99, http_requests_total)',
        "histogram_quantile needs the rate of a histogram's buckets, e.g. histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
      ],
      [
        'max_over_time(up[5m] offset -1y)',
        'offset -1y is negative: it would read the future',
      ],
      ['max_over_time(up[1000000d])', 'range 1000000d is longer than 366d'],
      [
        'max_over_time(up[1h:1m] offset 400d)',
        'offset 400d is longer than 366d',
      ],
      [
        'max_over_time(up[99999999999])',
        'range 99999999999 is longer than 366d',
      ],
      [
        'max_over_time(up[5m] offset (0s - 1h))',
        'duration (0s - 1h) must be written plainly, such as 5m or 1h30m',
      ],
      [
        'up @ 1609746000',
        '@ fixes the query to one time, so it cannot be measured over the window',
      ],
      [`up{job="${'x'.repeat(4000)}"}`, 'must be at most 4000 characters'],
    ] as const
  ).map(([query, reason], index) => ({
    id: `query-${index + 1}`,
    category: 'query' as const,
    annotations: files('slo/a.yaml'),
    files: { 'slo/a.yaml': thresholdSlo(query) },
    problems: [
      `slo/a.yaml:10 spec.indicator.spec.thresholdMetric.metricSource.spec.query: ${reason}`,
    ],
  })),
  {
    // JavaScript writes 0.0000001 as 1e-7: the target must still be read as a number.
    id: 'query-tiny-target-percent',
    category: 'query',
    annotations: files('slo/a.yaml'),
    files: {
      'slo/a.yaml': ratioSlo('tiny').replace(
        '[{ target: 0.999 }]',
        '[{ targetPercent: 0.0000001 }]',
      ),
    },
    problems: [],
    slos: ['tiny'],
  },
  {
    id: 'query-counter-openslo',
    category: 'query',
    annotations: files('slo/a.yaml'),
    files: {
      'slo/a.yaml': ratioSlo('a').replace(
        '\'http_requests_total{code!~"5.."}\'',
        "'sum(rate(http_requests_total[5m]))'",
      ),
    },
    problems: [
      `slo/a.yaml:11 spec.indicator.spec.ratioMetric.good.metricSource.spec.query: ${COUNTER}`,
    ],
  },

  // Windows and slices: bounded, and alerts that can fire.
  ...(
    [
      ['999999999d', '"999999999d" is longer than 366d'],
      ['6h', '"6h" is shorter than 1d: an error budget needs at least a day'],
      ['0d', '"0d" is not a duration such as 28d or 30d'],
      ['30 days', '"30 days" is not a duration such as 28d or 30d'],
      ['1e3d', '"1e3d" is not a duration such as 28d or 30d'],
    ] as const
  ).map(([window, reason], index) => ({
    id: `window-${index + 1}`,
    category: 'window' as const,
    inline: inlineRatio(`  window: ${JSON.stringify(window)}\n`),
    problems: [
      `catalog-info.yaml:17 spec.reliability.slos[0].window: ${reason}`,
    ],
  })),
  {
    id: 'window-unfireable',
    category: 'window',
    inline:
      '- name: loose\n  objective: 90%\n  good: ok_total\n  total: all_total\n  window: 366d\n',
    problems: [
      'catalog-info.yaml:17 spec.reliability.slos[0].window: with this target, a 366d window makes every burn-rate alert need an error ratio of 122% or more, which can never happen: shorten the window or lower the target',
    ],
  },
  {
    id: 'window-calendar-century',
    category: 'window',
    annotations: files('slo/a.yaml'),
    files: {
      'slo/a.yaml': ratioSlo('a').replace(
        '[{ duration: 30d, isRolling: true }]',
        "[{ duration: 100Y, isRolling: false, calendar: { startTime: '2026-01-01 00:00:00', timeZone: UTC } }]",
      ),
    },
    problems: [
      'slo/a.yaml:13 spec.timeWindow[0].duration: "100Y" is longer than a year',
    ],
  },
  {
    id: 'window-slice-longer-than-window',
    category: 'window',
    inline: inlineRatio(
      '  budgeting: Timeslices\n  timeSliceTarget: 0.9\n  timeSliceWindow: 31d\n',
    ),
    problems: [
      'catalog-info.yaml:19 spec.reliability.slos[0].timeSliceWindow: "31d" is longer than the SLO window',
    ],
  },
  {
    id: 'window-slice-under-two-scrapes',
    category: 'window',
    inline: inlineRatio(
      '  budgeting: Timeslices\n  timeSliceTarget: 0.9\n  timeSliceWindow: 1m\n',
    ),
    problems: [
      'catalog-info.yaml:19 spec.reliability.slos[0].timeSliceWindow: "1m" is shorter than two scrape intervals (2m): events cannot be counted in it',
    ],
  },

  // Dates are real calendar dates.
  ...['2030-02-30', '2030-13-45', 'yesterday'].map((date, index) => ({
    id: `date-${index + 1}`,
    category: 'annotation' as const,
    annotations: { 'reliability-suite.io/dr-tested': date },
    problems: [
      `catalog-info.yaml:7 metadata.annotations.reliability-suite.io/dr-tested: "${date}" is not a date such as 2026-09-14`,
    ],
  })),
  // Runbook review dates: neither a date nor "<runbook>: <date>", or naming no runbook.
  {
    id: 'runbook-reviewed-formula',
    category: 'annotation',
    annotations: {
      'reliability-suite.io/runbook-reviewed':
        '=HYPERLINK("https://evil.example.com")',
    },
    problems: [
      'catalog-info.yaml:7 metadata.annotations.reliability-suite.io/runbook-reviewed: "=HYPERLINK("https://evil.example.com")" is not a date such as 2026-09-14 or "<runbook title or URL>: 2026-09-14"',
    ],
  },
  {
    id: 'runbook-reviewed-unknown-runbook',
    category: 'annotation',
    annotations: {
      'reliability-suite.io/runbook-reviewed': '../../etc/passwd: 2026-01-01',
    },
    problems: [],
    profileProblems: [
      'metadata.annotations.reliability-suite.io/runbook-reviewed: "../../etc/passwd" names no runbook of this entity: use the title or URL of one of its runbooks',
    ],
  },
  {
    id: 'date-calendar-start',
    category: 'date',
    annotations: files('slo/a.yaml'),
    files: {
      'slo/a.yaml': ratioSlo('a').replace(
        '[{ duration: 30d, isRolling: true }]',
        "[{ duration: 1M, isRolling: false, calendar: { startTime: '2026-02-30 00:00:00', timeZone: Mars/Olympus } }]",
      ),
    },
    problems: [
      'slo/a.yaml:13 spec.timeWindow[0].calendar.startTime: must be a date-time such as 2026-01-01 00:00:00',
      'slo/a.yaml:13 spec.timeWindow[0].calendar.timeZone: must be an IANA time zone such as UTC',
    ],
  },

  // Length limits say so.
  {
    id: 'length-display-name',
    category: 'length',
    inline: inlineRatio(`  displayName: ${'d'.repeat(201)}\n`),
    problems: [
      'catalog-info.yaml:17 spec.reliability.slos[0].displayName: must be at most 200 characters',
    ],
  },
  {
    id: 'length-description',
    category: 'length',
    inline: inlineRatio(`  description: ${'d'.repeat(2001)}\n`),
    problems: [
      'catalog-info.yaml:17 spec.reliability.slos[0].description: must be at most 2000 characters',
    ],
  },
  {
    id: 'length-name',
    category: 'length',
    inline: inlineRatio('').replace('name: inline', `name: ${'n'.repeat(64)}`),
    problems: [
      'catalog-info.yaml:13 spec.reliability.slos[0].name: must be at most 63 characters',
    ],
  },
  {
    id: 'length-runbook-annotation',
    category: 'length',
    annotations: files('slo/a.yaml'),
    files: {
      'slo/a.yaml': ratioSlo('a').replace(
        '  name: a\n',
        `  name: a\n  annotations:\n    runbook_url: https://x.example/${'r'.repeat(
          2100,
        )}\n`,
      ),
    },
    problems: [
      'slo/a.yaml:6 metadata.annotations.runbook_url: must be at most 2048 characters',
    ],
  },
  {
    id: 'length-objectives',
    category: 'length',
    annotations: files('slo/a.yaml'),
    files: {
      'slo/a.yaml': ratioSlo('a').replace(
        'objectives: [{ target: 0.999 }]',
        `objectives: [${Array(21).fill('{ target: 0.999 }').join(', ')}]`,
      ),
    },
    problems: [
      'slo/a.yaml:15 spec.objectives: must hold at most 20 objectives',
    ],
  },

  // Links: only http(s) (and mailto for on-call) become links; the rest is text and a problem.
  ...[
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ].map((url, index) => ({
    id: `link-${index + 1}`,
    category: 'link' as const,
    links: [{ url, title: 'Runbook', type: 'runbook' }],
    problems: [],
    profileProblems: ['metadata.links[0].url: must be an http: or https: link'],
  })),
  {
    id: 'link-on-call',
    category: 'link',
    annotations: { 'reliability-suite.io/oncall': 'javascript:alert(1)' },
    problems: [],
    profileProblems: [
      'metadata.annotations.reliability-suite.io/oncall: must be an http:, https: or mailto: link',
    ],
  },
  {
    id: 'link-slo-runbook',
    category: 'link',
    annotations: files('slo/a.yaml'),
    files: {
      'slo/a.yaml': ratioSlo('a').replace(
        '  name: a\n',
        '  name: a\n  annotations:\n    runbook_url: "javascript:alert(1)"\n',
      ),
    },
    problems: [],
    profileProblems: [
      'slo/a.yaml:1 metadata.annotations.runbook_url: must be an http: or https: link',
    ],
    slos: ['a'],
  },

  // Names the catalog or Prometheus would trip on.
  {
    id: 'name-uppercase',
    category: 'name',
    annotations: files('slo/a.yaml'),
    files: { 'slo/a.yaml': ratioSlo('Availability') },
    problems: [
      'slo/a.yaml:4 metadata.name: must be lowercase letters, digits and dashes, starting and ending with a letter or digit',
    ],
  },
  {
    id: 'name-template',
    category: 'name',
    annotations: files('slo/a.yaml'),
    files: { 'slo/a.yaml': ratioSlo('"{{ .Labels }}"') },
    problems: [
      'slo/a.yaml:4 metadata.name: must be lowercase letters, digits and dashes, starting and ending with a letter or digit',
    ],
  },
  {
    id: 'name-quote',
    category: 'name',
    inline: inlineRatio('').replace('name: inline', "name: 'a\"b'"),
    problems: [
      'catalog-info.yaml:13 spec.reliability.slos[0].name: must be lowercase letters, digits and dashes',
    ],
  },
  {
    id: 'name-duplicate-across-forms',
    category: 'name',
    annotations: files('slo/a.yaml'),
    inline: inlineRatio(''),
    files: { 'slo/a.yaml': ratioSlo('inline') },
    problems: [
      'slo/a.yaml:1 metadata.name: duplicate SLO name "inline" (also defined in catalog-info.yaml:14)',
    ],
    slos: ['inline'],
  },

  // Go templates in texts copied into alert annotations: valid definitions, rendered literally.
  ...[
    '{{ range query "up" }}{{ . }}{{ end }}',
    '{{',
    '}}',
    '{{ .Labels }}',
    '{{- /* x */ -}}',
  ].map((displayName, index) => ({
    id: `template-${index + 1}`,
    category: 'template' as const,
    annotations: files('slo/a.yaml'),
    files: {
      'slo/a.yaml': ratioSlo('a').replace(
        '  name: a\n',
        `  name: a\n  displayName: ${JSON.stringify(
          displayName,
        )}\n  annotations:\n    runbook_url: ${JSON.stringify(
          `https://runbooks.example.com/${displayName}`,
        )}\n`,
      ),
    },
    problems: [],
    slos: ['a'],
  })),

  // Annotations.
  ...(
    [
      [
        'reliability-suite.io/tier',
        '99',
        '"99" is not a tier: use 0, 1, 2 or 3',
      ],
      [
        'reliability-suite.io/tier',
        '{{ 1 }}',
        '"{{ 1 }}" is not a tier: use 0, 1, 2 or 3',
      ],
      [
        'reliability-suite.io/rto',
        'forever',
        '"forever" is not a duration such as 15m or 4h',
      ],
      [
        'reliability-suite.io/rpo',
        '-5m',
        '"-5m" is not a duration such as 15m or 4h',
      ],
    ] as const
  ).map(([key, value, reason], index) => ({
    id: `annotation-${index + 1}`,
    category: 'annotation' as const,
    annotations: { [key]: value },
    problems: [`catalog-info.yaml:7 metadata.annotations.${key}: ${reason}`],
  })),
];

/** The entity file of a case: an ordinary Component with the case's parts. */
export function entityFileText(c: DefinitionCase): string {
  const lines = [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${c.id}`,
    '  annotations:',
    '    reliability-suite.io/corpus: hostile',
  ];
  for (const [key, value] of Object.entries(c.annotations ?? {}))
    lines.push(`    ${key}: ${JSON.stringify(value)}`);
  if (c.links?.length) {
    lines.push('  links:');
    for (const link of c.links) {
      const [first, ...rest] = Object.entries(link);
      lines.push(`    - ${first[0]}: ${JSON.stringify(first[1])}`);
      for (const [key, value] of rest)
        lines.push(`      ${key}: ${JSON.stringify(value)}`);
    }
  }
  lines.push(
    'spec:',
    '  type: service',
    '  owner: team-a',
    '  lifecycle: production',
  );
  if (c.inline) {
    lines.push('  reliability:', '    slos:');
    for (const line of c.inline.trimEnd().split('\n'))
      lines.push(`      ${line}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the corpus under `root`: `root/cases/<id>/catalog-info.yaml` with its files and links,
 * the canary files outside every case folder (`root/cases/secret.yaml`, `root/secret.yaml`,
 * `root/cases/outside/…`), and `root/cases/all.yaml`, a Location of every case.
 */
export async function writeCorpus(root: string): Promise<string> {
  const cases = path.join(root, 'cases');
  await fs.mkdir(path.join(cases, 'outside'), { recursive: true });
  await fs.writeFile(path.join(root, 'secret-outside.yaml'), CANARY_FILE);
  await fs.writeFile(path.join(root, 'secret.yaml'), CANARY_FILE);
  await fs.writeFile(path.join(cases, 'secret.yaml'), CANARY_FILE);
  await fs.writeFile(path.join(cases, 'outside', 'secret.yaml'), CANARY_FILE);
  for (const c of DEFINITION_CASES) {
    const folder = path.join(cases, c.id);
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(
      path.join(folder, 'catalog-info.yaml'),
      entityFileText(c),
    );
    for (const [name, text] of Object.entries(c.files ?? {})) {
      await fs.mkdir(path.dirname(path.join(folder, name)), {
        recursive: true,
      });
      await fs.writeFile(path.join(folder, name), text);
    }
    for (const [name, target] of Object.entries(c.symlinks ?? {})) {
      await fs.mkdir(path.dirname(path.join(folder, name)), {
        recursive: true,
      });
      await fs.symlink(target, path.join(folder, name));
    }
  }
  const location = path.join(cases, 'all.yaml');
  await fs.writeFile(
    location,
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Location',
      'metadata:',
      '  name: hostile-corpus',
      'spec:',
      '  targets:',
      ...DEFINITION_CASES.map(c => `    - ./${c.id}/catalog-info.yaml`),
      '',
    ].join('\n'),
  );
  return location;
}

/** One hostile API request and exactly how it must be answered. */
export interface ApiCase {
  id: string;
  method: 'get' | 'post';
  path: string;
  /** A JSON body, or a raw text body sent as JSON. */
  body?: unknown;
  raw?: string;
  status: number;
  /** The error message of the answer (`error.message`), when it is an error. */
  message?: string;
}

/** The entity API cases address: a valid one of the corpus. */
export const API_ENTITY = 'component/default/containment-inside-link';
const READINESS = `/api/reliability/readiness/${API_ENTITY}`;
const GATE = '/api/reliability/deploy-gate';
const SCORECARD = '/api/reliability/scorecard';
const attest = (body: Record<string, unknown>) => ({
  itemId: 'capacity',
  evidence: ['https://docs.example.com/load-test'],
  expiresAt: '2030-01-01',
  ...body,
});

export const API_CASES: ApiCase[] = [
  // Entity references in paths and queries.
  {
    id: 'ref-traversal',
    method: 'get',
    path: '/api/reliability/profile/component/default/..%2F..%2Fetc%2Fpasswd',
    status: 400,
    message:
      'Invalid entity reference: name must be a catalog name (letters, digits, - _ .)',
  },
  {
    id: 'ref-template',
    method: 'get',
    path: '/api/reliability/profile/component/default/%7B%7B%20.Labels%20%7D%7D',
    status: 400,
    message:
      'Invalid entity reference: name must be a catalog name (letters, digits, - _ .)',
  },
  {
    id: 'ref-kind-sql',
    method: 'get',
    path: "/api/reliability/slos/component'%20OR%201=1--/default/x",
    status: 400,
    message:
      'Invalid entity reference: kind must be a catalog name (letters, digits, - _ .)',
  },
  {
    id: 'gate-empty',
    method: 'get',
    path: `${GATE}?entityRef=`,
    status: 400,
    message: 'entityRef is required, e.g. component:default/checkout',
  },
  {
    id: 'gate-sql',
    method: 'get',
    path: `${GATE}?entityRef=${encodeURIComponent(
      "component:default/x' OR '1'='1",
    )}`,
    status: 404,
    message: "No entity component:default/x' or '1'='1",
  },
  {
    id: 'gate-too-many-parts',
    method: 'get',
    path: `${GATE}?entityRef=a:b:c/d/e`,
    status: 404,
    message: 'No entity a:b:c/d/e',
  },
  {
    id: 'gate-array',
    method: 'get',
    path: `${GATE}?entityRef=a&entityRef=b`,
    status: 400,
    message:
      'entityRef must be one entity reference, e.g. component:default/checkout',
  },
  {
    id: 'gate-huge',
    method: 'get',
    path: `${GATE}?entityRef=component:default/${'x'.repeat(300)}`,
    status: 400,
    message: 'entityRef must be at most 255 characters',
  },
  // Overrides.
  {
    id: 'override-no-reason',
    method: 'post',
    path: `${GATE}/overrides`,
    body: {
      entityRef: 'component:default/containment-inside-link',
      durationMinutes: 60,
    },
    status: 400,
    message: 'reason is required',
  },
  {
    id: 'override-negative',
    method: 'post',
    path: `${GATE}/overrides`,
    body: {
      entityRef: 'component:default/containment-inside-link',
      reason: 'hotfix for checkout',
      durationMinutes: -5,
    },
    status: 400,
    message: 'durationMinutes must be at least 1',
  },
  {
    id: 'override-forever',
    method: 'post',
    path: `${GATE}/overrides`,
    body: {
      entityRef: 'component:default/containment-inside-link',
      reason: 'hotfix for checkout',
      durationMinutes: 1e12,
    },
    status: 400,
    message: 'durationMinutes must be at most 7 days (10080 minutes)',
  },
  {
    id: 'override-huge-reason',
    method: 'post',
    path: `${GATE}/overrides`,
    body: {
      entityRef: 'component:default/containment-inside-link',
      reason: 'r'.repeat(5000),
      durationMinutes: 60,
    },
    status: 400,
    message: 'reason must be at most 2000 characters',
  },
  // Attestations.
  {
    id: 'attest-javascript',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ evidence: ['javascript:alert(1)'] }),
    status: 400,
    message: 'evidence.0 must be an http: or https: link',
  },
  {
    id: 'attest-data',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ evidence: ['data:text/html,<script>alert(1)</script>'] }),
    status: 400,
    message: 'evidence.0 must be an http: or https: link',
  },
  {
    id: 'attest-vbscript',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ evidence: ['https://ok.example', 'VBScript:msgbox(1)'] }),
    status: 400,
    message: 'evidence.1 must be an http: or https: link',
  },
  {
    id: 'attest-not-a-list',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ evidence: 'https://ok.example' }),
    status: 400,
    message: 'evidence must be a list of links',
  },
  {
    id: 'attest-no-evidence',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ evidence: [] }),
    status: 400,
    message: 'evidence needs at least one evidence link',
  },
  {
    id: 'attest-many-evidence',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ evidence: Array(21).fill('https://ok.example') }),
    status: 400,
    message: 'evidence must be at most 20 links',
  },
  {
    id: 'attest-long-item',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ itemId: 'i'.repeat(300) }),
    status: 400,
    message: 'itemId must be at most 255 characters',
  },
  {
    id: 'attest-unknown-item',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ itemId: '../../etc/passwd' }),
    status: 400,
    message: 'itemId "../../etc/passwd" is no readiness item',
  },
  {
    id: 'attest-automatic-item',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ itemId: 'owner' }),
    status: 400,
    message: 'itemId "owner" is no readiness item',
  },
  {
    id: 'attest-feb-30',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ expiresAt: '2030-02-30' }),
    status: 400,
    message: 'expiresAt must be a date such as 2027-03-01',
  },
  {
    id: 'attest-month-13',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ expiresAt: '2030-13-45' }),
    status: 400,
    message: 'expiresAt must be a date such as 2027-03-01',
  },
  {
    id: 'attest-long-comment',
    method: 'post',
    path: `${READINESS}/attestations`,
    body: attest({ comment: 'c'.repeat(5000) }),
    status: 400,
    message: 'comment must be at most 2000 characters',
  },
  {
    id: 'attest-prototype',
    method: 'post',
    path: `${READINESS}/attestations`,
    raw: '{"__proto__": {"admin": true}, "itemId": "capacity"}',
    status: 400,
    message: 'evidence must be a list of links',
  },
  {
    id: 'attest-not-json',
    method: 'post',
    path: `${READINESS}/attestations`,
    raw: '{"itemId": ',
    status: 400,
    message: 'Unexpected end of JSON input',
  },
  // Waivers and reviews.
  {
    id: 'waiver-short',
    method: 'post',
    path: `${READINESS}/waivers`,
    body: { itemId: 'capacity', reason: 'x', expiresAt: '2030-01-01' },
    status: 400,
    message: 'reason must explain the waiver (at least 10 characters)',
  },
  {
    id: 'waiver-long',
    method: 'post',
    path: `${READINESS}/waivers`,
    body: {
      itemId: 'capacity',
      reason: 'r'.repeat(3000),
      expiresAt: '2030-01-01',
    },
    status: 400,
    message: 'reason must be at most 2000 characters',
  },
  {
    id: 'review-bad-date',
    method: 'post',
    path: `${READINESS}/reviews`,
    body: { targetDate: '2030-13-45', reviewers: ['group:default/sre'] },
    status: 400,
    message: 'targetDate must be a date such as 2027-01-15',
  },
  {
    id: 'review-no-reviewers',
    method: 'post',
    path: `${READINESS}/reviews`,
    body: { reviewers: [] },
    status: 400,
    message: 'reviewers needs at least one reviewer',
  },
  {
    id: 'review-long-reviewer',
    method: 'post',
    path: `${READINESS}/reviews`,
    body: { reviewers: ['r'.repeat(300)] },
    status: 400,
    message: 'reviewers.0 must be at most 255 characters',
  },
  {
    id: 'action-bad-id',
    method: 'post',
    path: '/api/reliability/reviews/1%20OR%201=1/actions',
    body: { action: 'approve' },
    status: 400,
    message: 'id must be a review id',
  },
  {
    id: 'action-huge-id',
    method: 'post',
    path: '/api/reliability/reviews/99999999999999999999/actions',
    body: { action: 'approve' },
    status: 400,
    message: 'id must be a review id',
  },
  {
    id: 'action-unknown',
    method: 'post',
    path: '/api/reliability/reviews/1/actions',
    body: { action: 'delete' },
    status: 400,
    message: 'action must be one of submit, approve, block, reopen, comment',
  },
  {
    id: 'action-long-text',
    method: 'post',
    path: '/api/reliability/reviews/1/actions',
    body: { action: 'comment', text: 't'.repeat(5000) },
    status: 400,
    message: 'text must be at most 4000 characters',
  },
  // Scorecard queries.
  {
    id: 'scorecard-sort-sql',
    method: 'get',
    path: `${SCORECARD}?sort=${encodeURIComponent(
      'name; drop table scorecard_rows',
    )}`,
    status: 400,
    message:
      'sort must be one of name, tier, owner, sloCount, attainment, budgetRemaining, maxBurnRate, readinessScore',
  },
  {
    id: 'scorecard-page',
    method: 'get',
    path: `${SCORECARD}?page=-1`,
    status: 400,
    message: 'page must be 1 or more',
  },
  {
    id: 'scorecard-page-size',
    method: 'get',
    path: `${SCORECARD}?pageSize=100000`,
    status: 400,
    message: 'pageSize must be 1\u2013500',
  },
  {
    id: 'scorecard-tier',
    method: 'get',
    path: `${SCORECARD}?tier=99`,
    status: 400,
    message: 'tier.0 must be a configured tier: 0, 1, 2 or 3',
  },
  {
    id: 'scorecard-search-wildcards',
    method: 'get',
    path: `${SCORECARD}?q=${encodeURIComponent("%' OR 1=1 --")}`,
    status: 200,
  },
  {
    id: 'scorecard-search-long',
    method: 'get',
    path: `${SCORECARD}?q=${'q'.repeat(300)}`,
    status: 400,
    message: 'q must be at most 200 characters',
  },
  {
    id: 'scorecard-alerts',
    method: 'get',
    path: `${SCORECARD}?alerts=${encodeURIComponent('deployed) or (1=1')}`,
    status: 400,
    message: 'alerts must be not-deployed or deployed',
  },
  {
    id: 'review-queue-state',
    method: 'get',
    path: `/api/reliability/reviews?state=${encodeURIComponent("draft' --")}`,
    status: 400,
    message: 'state must be draft or in_review',
  },
  {
    id: 'review-queue-date',
    method: 'get',
    path: '/api/reliability/reviews?due_before=2030-02-30',
    status: 400,
    message: 'due_before must be a date such as 2027-01-15',
  },
  {
    id: 'scorecard-stale',
    method: 'get',
    path: `${SCORECARD}?stale=${encodeURIComponent("1' or '1'='1")}`,
    status: 400,
    message: 'stale must be true or false',
  },
  {
    id: 'export-format',
    method: 'get',
    path: `${SCORECARD}/export?format=xlsx`,
    status: 400,
    message: 'format must be csv or json',
  },
  {
    id: 'rollups-by',
    method: 'get',
    path: `${SCORECARD}/rollups?by=password`,
    status: 400,
    message: 'by must be one of owner, system, domain, tier',
  },
  {
    id: 'trends-days',
    method: 'get',
    path: `${SCORECARD}/trends?days=-5`,
    status: 400,
    message: 'days must be 1\u2013400',
  },
  {
    id: 'weekly-week',
    method: 'get',
    path: `${SCORECARD}/weekly?week=2026-W99`,
    status: 400,
    message: 'week must be an ISO week such as 2026-W48',
  },
];
