import {
  promqlString,
  regexLiteral,
  selectorParts,
} from '@reliability-suite/plugin-reliability-common';
import { promRange } from './sliQueries';

/**
 * Planning of event counts (`sum(increase(SELECTOR[range]))`), pure so that it is table-tested.
 *
 * Counts over the same range whose selectors differ only in the values of their `=` matchers
 * (`http_requests_total{service="a",code=~"5.."}`, `…{service="b",code=~"5.."}`) are answered by
 * one aggregated query,
 *
 *   sum by (service) (increase(http_requests_total{code=~"5..",service=~"a|b"}[range]))
 *
 * whose series for `service="a"` is exactly what the first count would return: the same series,
 * summed in the same order. A count whose selector cannot be taken apart is asked alone.
 */

/** One aggregated query and the counts it answers. */
export interface AggregatedCount {
  /** `sum by (LABELS) (increase(SELECTOR[range]))`. */
  query: string;
  /** The labels the query groups by (sorted). */
  by: string[];
  /** Each count answered: its index among the selectors planned, and the series it reads. */
  parts: Array<{ index: number; key: string }>;
}

export interface CountPlan {
  aggregated: AggregatedCount[];
  /** Indexes of the selectors asked alone, with today's query. */
  alone: number[];
}

/** The key of a series (or of a count's `=` matchers) over the grouping labels; absent = "". */
export function seriesKey(by: string[], labels: Record<string, string>) {
  return JSON.stringify(by.map(label => labels[label] ?? ''));
}

interface Shape {
  /** The selector without its grouped `=` matchers: name and other matchers as written. */
  metricName: string;
  others: string[];
  by: string[];
}

function shapeOf(selector: string):
  | {
      shape: Shape;
      values: Record<string, string>;
    }
  | undefined {
  const parts = selectorParts(selector);
  if (!parts) return undefined;
  const values: Record<string, string> = {};
  const others: string[] = [];
  for (const matcher of parts.matchers) {
    const groupable =
      matcher.op === '=' &&
      matcher.value !== undefined &&
      matcher.label !== '__name__' &&
      !(matcher.label in values);
    if (groupable) values[matcher.label] = matcher.value!;
    else others.push(matcher.text);
  }
  // A label compared twice (`a="x",a="y"`) keeps its first `=` grouped and the rest as written.
  return {
    shape: {
      metricName: parts.metricName ?? '',
      others: [...others].sort(),
      by: Object.keys(values).sort(),
    },
    values,
  };
}

function aggregatedQuery(
  shape: Shape,
  valuesByLabel: Map<string, Set<string>>,
  rangeMs: number,
): string {
  const restrictions = shape.by.map(label => {
    const values = [...valuesByLabel.get(label)!].sort();
    return values.length === 1
      ? `${label}=${promqlString(values[0])}`
      : `${label}=~${promqlString(values.map(regexLiteral).join('|'))}`;
  });
  const selector = `${shape.metricName}{${[
    ...shape.others,
    ...restrictions,
  ].join(',')}}`;
  return `sum by (${shape.by.join(', ')}) (increase(${selector}[${promRange(
    rangeMs,
  )}]))`;
}

/**
 * Plans the counts of `selectors` over one range (`rangeMs`): selectors of one shape become
 * aggregated queries of at most `maxSeries` distinct series each; a selector alone in its shape,
 * or one that cannot be taken apart, is asked alone. Identical selectors share one series.
 */
export function planCounts(
  selectors: string[],
  rangeMs: number,
  maxSeries: number,
): CountPlan {
  const alone: number[] = [];
  const groups = new Map<
    string,
    {
      shape: Shape;
      keys: Map<
        string,
        Array<{ index: number; values: Record<string, string> }>
      >;
    }
  >();
  selectors.forEach((selector, index) => {
    const read = shapeOf(selector);
    if (!read) {
      alone.push(index);
      return;
    }
    const groupKey = JSON.stringify(read.shape);
    const group = groups.get(groupKey) ?? {
      shape: read.shape,
      keys: new Map(),
    };
    groups.set(groupKey, group);
    const key = seriesKey(read.shape.by, read.values);
    group.keys.set(key, [
      ...(group.keys.get(key) ?? []),
      { index, values: read.values },
    ]);
  });

  const aggregated: AggregatedCount[] = [];
  for (const { shape, keys } of groups.values()) {
    const entries = [...keys.entries()];
    const count = entries.reduce((n, [, parts]) => n + parts.length, 0);
    if (count === 1) {
      alone.push(entries[0][1][0].index);
      continue;
    }
    const limit = Math.max(1, maxSeries);
    for (let from = 0; from < entries.length; from += limit) {
      const chunk = entries.slice(from, from + limit);
      const valuesByLabel = new Map(
        shape.by.map(label => [
          label,
          new Set(chunk.map(([, parts]) => parts[0].values[label])),
        ]),
      );
      aggregated.push({
        query: aggregatedQuery(shape, valuesByLabel, rangeMs),
        by: shape.by,
        parts: chunk.flatMap(([key, parts]) =>
          parts.map(({ index }) => ({ index, key })),
        ),
      });
    }
  }
  alone.sort((a, b) => a - b);
  return { aggregated, alone };
}
