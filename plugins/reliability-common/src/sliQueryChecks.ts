import { parser } from '@prometheus-io/lezer-promql';
import { countedSelector, validatePromQl } from './promql';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Longest range or offset an SLI query may use: a year and a day. */
export const MAX_QUERY_RANGE_MS = 366 * DAY_MS;
/** Longest SLI query, in characters. */
export const MAX_QUERY_CHARS = 4000;

const PROM_UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: DAY_MS,
  w: 7 * DAY_MS,
  y: 365 * DAY_MS,
};

/** A PromQL duration such as `5m` or `1h30m` in milliseconds; undefined for anything else. */
export function promDurationMs(text: string): number | undefined {
  const parts = text.match(/[0-9]+(?:ms|[smhdwy])/g);
  if (!parts || parts.join('') !== text) return undefined;
  return parts.reduce((sum, part) => {
    const [, count, unit] = /^([0-9]+)(ms|[smhdwy])$/.exec(part)!;
    return sum + Number(count) * PROM_UNIT_MS[unit];
  }, 0);
}

/**
 * Why a range or offset cannot be used: it must be one plain duration (`5m`, `1h30m`, or a
 * number of seconds), not negative, at most 366 days. Arithmetic and parentheses are refused:
 * they could hide a negative or unbounded duration.
 */
function durationProblem(text: string, offset: boolean): string | undefined {
  const negative = text.startsWith('-');
  const plain = negative ? text.slice(1) : text;
  const ms = /^[0-9]+(?:\.[0-9]+)?$/.test(plain)
    ? Number(plain) * 1000
    : promDurationMs(plain);
  if (ms === undefined)
    return `duration ${text} must be written plainly, such as 5m or 1h30m`;
  if (negative) return `offset ${text} is negative: it would read the future`;
  if (ms > MAX_QUERY_RANGE_MS)
    return `${offset ? 'offset' : 'range'} ${text} is longer than 366d`;
  return undefined;
}

/** Functions that turn a counter (or histogram buckets) into a rate histogram_quantile can use. */
const RATE_FUNCTIONS = new Set(['rate', 'irate', 'increase']);

/**
 * Why an SLI query cannot be measured, found where it is parsed rather than at evaluation;
 * undefined when it can. A counter query (every ratio SLI's good, bad and total) must be one
 * metric selector, or `sum` (with or without `by`/`without`) of one, since the evaluator counts
 * it with `sum(increase(SELECTOR[window]))`. Any query: no negative offsets (they read the future), no `@`
 * (it pins the query to one time), ranges and offsets at most 366 days, and
 * `histogram_quantile` over rated buckets.
 */
export function sliQueryProblem(
  query: string,
  options: { counter: boolean },
): string | undefined {
  if (query.length > MAX_QUERY_CHARS)
    return `must be at most ${MAX_QUERY_CHARS} characters`;
  const invalid = validatePromQl(query);
  if (invalid) return invalid;
  const text = query.trim();
  if (options.counter && countedSelector(text) === undefined) {
    return 'must be a counter: a metric selector such as http_requests_total{code=~"5.."}, or sum(…) or sum by (labels) (…) of one, counted with increase() over the window';
  }
  let problem: string | undefined;
  parser.parse(text).iterate({
    enter: node => {
      if (problem) return false;
      const source = text.slice(node.from, node.to);
      switch (node.name) {
        case 'OffsetDurationExpr':
        case 'DurationExpr':
          problem = durationProblem(source, node.name === 'OffsetDurationExpr');
          return false;
        case 'At':
          problem =
            '@ fixes the query to one time, so it cannot be measured over the window';
          break;
        case 'FunctionCall': {
          const name = node.node.getChild('FunctionIdentifier');
          const body = node.node.getChild('FunctionCallBody');
          if (
            name &&
            body &&
            text.slice(name.from, name.to) === 'histogram_quantile' &&
            !ratesBuckets(text, body.from, body.to)
          ) {
            problem =
              "histogram_quantile needs the rate of a histogram's buckets, e.g. histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))";
          }
          break;
        }
        default:
      }
      return undefined;
    },
  });
  return problem;
}

/** Whether the text between from and to rates buckets (or reads a recorded series). */
function ratesBuckets(text: string, from: number, to: number): boolean {
  let rated = false;
  parser.parse(text).iterate({
    from,
    to,
    enter: node => {
      if (rated || node.to <= from || node.from >= to) return false;
      const source = text.slice(node.from, node.to);
      if (node.name === 'FunctionIdentifier' && RATE_FUNCTIONS.has(source))
        rated = true;
      // A recording rule's series (level:metric:operations) is already a rate.
      if (node.name === 'Identifier' && source.includes(':')) rated = true;
      return undefined;
    },
  });
  return rated;
}
