import { parser } from '@prometheus-io/lezer-promql';

/**
 * Checks that a text is exactly one valid PromQL expression.
 * Returns undefined when it is, otherwise the reason it is not. The lezer grammar marks every
 * syntax error with an error node; we also require that the expression spans the whole text.
 */
export function validatePromQl(expression: string): string | undefined {
  const text = expression.trim();
  if (!text) {
    return 'must be a PromQL expression, got an empty string';
  }
  const tree = parser.parse(text);
  let errorAt: number | undefined;
  tree.iterate({
    enter: node => {
      if (errorAt === undefined && node.type.isError) {
        errorAt = node.from;
      }
      return errorAt === undefined;
    },
  });
  if (errorAt !== undefined) {
    const near = text.slice(errorAt, errorAt + 20);
    return `is not a valid PromQL expression (syntax error at character ${
      errorAt + 1
    }${near ? ` near "${near}"` : ''})`;
  }
  return undefined;
}

const isVectorSelectorMemo = memoizedByText(isVectorSelectorText);

/**
 * Whether a text is exactly one metric selector such as `http_requests_total{job="x"}`: the only
 * shape a counter SLI may have, because the evaluator wraps it in `increase(…[window])`. A
 * selector cannot smuggle in other PromQL, so wrapping it cannot change what the query means.
 */
export function isVectorSelector(expression: string): boolean {
  return isVectorSelectorMemo(expression);
}

/**
 * A pure function of a text, remembered for the last `max` texts (forgotten all at once when
 * full): the evaluator asks the same few thousand selectors again for every window of every
 * SLO, and parsing each time would dominate a cycle.
 */
export function memoizedByText<T>(
  compute: (text: string) => T,
  max = 100_000,
): (text: string) => T {
  const known = new Map<string, T>();
  return text => {
    if (known.has(text)) return known.get(text)!;
    const value = compute(text);
    if (known.size >= max) known.clear();
    known.set(text, value);
    return value;
  };
}

function isVectorSelectorText(expression: string): boolean {
  const text = expression.trim();
  if (validatePromQl(text) !== undefined) return false;
  const top = parser.parse(text).topNode.firstChild;
  return (
    top?.name === 'VectorSelector' && top.from === 0 && top.to === text.length
  );
}

const countedSelectorMemo = memoizedByText(countedSelectorText);

/**
 * The metric selector a counter query counts: the query itself when it is a selector, or the
 * selector inside `sum(SELECTOR)`, `sum by (labels) (SELECTOR)`, `sum without (labels)
 * (SELECTOR)` (either modifier position). A grouping cannot change a total over all series, so
 * these count exactly as `sum(increase(SELECTOR[window]))`. Undefined for anything else.
 */
export function countedSelector(expression: string): string | undefined {
  return countedSelectorMemo(expression);
}

function countedSelectorText(expression: string): string | undefined {
  const text = expression.trim();
  if (isVectorSelector(text)) return text;
  if (validatePromQl(text) !== undefined) return undefined;
  const top = parser.parse(text).topNode.firstChild;
  if (top?.name !== 'AggregateExpr' || top.from !== 0 || top.to !== text.length)
    return undefined;
  const op = top.getChild('AggregateOp');
  const body = top.getChild('FunctionCallBody');
  if (!op || !body || op.firstChild?.name !== 'Sum') return undefined;
  const inner = body.firstChild;
  // One argument, a selector: `sum(x)`, not `sum(rate(x[5m]))` nor `sum((x))`.
  if (
    inner?.name !== 'VectorSelector' ||
    inner.nextSibling !== null ||
    top.getChildren('FunctionCallBody').length !== 1
  )
    return undefined;
  const selector = text.slice(inner.from, inner.to).trim();
  return isVectorSelector(selector) ? selector : undefined;
}
