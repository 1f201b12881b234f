import { parser } from '@prometheus-io/lezer-promql';
import { validatePromQl } from './promql';
import { SliMetric } from './slo';

/** Base units of the Prometheus metric naming conventions that a threshold can be read in. */
export type ThresholdUnit =
  | 'seconds'
  | 'milliseconds'
  | 'bytes'
  | 'ratio'
  | 'percent';

const UNIT_SUFFIXES: ReadonlyArray<[suffix: string, unit: ThresholdUnit]> = [
  ['_milliseconds', 'milliseconds'],
  ['_seconds', 'seconds'],
  ['_bytes', 'bytes'],
  ['_ratio', 'ratio'],
  ['_percent', 'percent'],
];

/** Suffixes of counters and histogram parts: their values are counts or sums, not the unit. */
const NOT_A_VALUE = /_(total|count|sum|created|bucket)$/;

/** Functions whose result is per second or a change, not a value in the metric's unit. */
const CHANGES_UNIT = new Set([
  'rate',
  'irate',
  'increase',
  'delta',
  'idelta',
  'deriv',
  'predict_linear',
  'changes',
  'resets',
  'count_over_time',
  'absent',
  'absent_over_time',
  'present_over_time',
]);

function unitOfName(name: string): ThresholdUnit | undefined {
  return UNIT_SUFFIXES.find(([suffix]) => name.endsWith(suffix))?.[1];
}

/**
 * The unit a threshold SLI's values are in, read from the metric names by the Prometheus naming
 * conventions: a quantile of a histogram `…_seconds_bucket` is in seconds, a gauge
 * `…_lag_seconds` (also under `max`, `avg_over_time`…) is in seconds. Undefined when the names
 * do not say, disagree, or the query turns them into something else (a rate, a count).
 */
export function thresholdUnit(metric: SliMetric): ThresholdUnit | undefined {
  if (metric.type !== 'threshold') return undefined;
  const text = metric.query.query.trim();
  if (validatePromQl(text) !== undefined) return undefined;
  const tree = parser.parse(text);
  const top = tree.topNode.firstChild;
  const quantile =
    top?.name === 'FunctionCall' &&
    text.slice(top.from, top.to).startsWith('histogram_quantile');
  const units = new Set<ThresholdUnit | undefined>();
  let changed = false;
  tree.iterate({
    enter: node => {
      if (node.name === 'FunctionIdentifier') {
        if (CHANGES_UNIT.has(text.slice(node.from, node.to)) && !quantile) {
          changed = true;
        }
      }
      if (
        node.name === 'Identifier' &&
        node.node.parent?.name === 'VectorSelector'
      ) {
        const name = text.slice(node.from, node.to);
        if (quantile && name.endsWith('_bucket')) {
          units.add(unitOfName(name.slice(0, -'_bucket'.length)));
        } else if (NOT_A_VALUE.test(name)) {
          units.add(undefined);
        } else {
          units.add(unitOfName(name));
        }
      }
    },
  });
  if (changed || units.size !== 1) return undefined;
  return [...units][0];
}

/**
 * A threshold in its unit, as people read it: 0.5 seconds → `500 ms`, 2 seconds → `2 s`,
 * 0.8 ratio → `80%`, 1048576 bytes → `1048576 bytes`; a number alone without a unit.
 */
export function formatThreshold(value: number, unit?: ThresholdUnit): string {
  const round = (n: number) => Number(n.toPrecision(12));
  switch (unit) {
    case 'seconds':
      return Math.abs(value) < 1
        ? `${round(value * 1000)} ms`
        : `${round(value)} s`;
    case 'milliseconds':
      return `${round(value)} ms`;
    case 'bytes':
      return `${round(value)} bytes`;
    case 'ratio':
      return `${round(value * 100)}%`;
    case 'percent':
      return `${round(value)}%`;
    default:
      return String(value);
  }
}
