import { parser } from '@prometheus-io/lezer-promql';
import { isVectorSelector, memoizedByText } from './promql';

/** One label matcher of a metric selector, as written. */
export interface SelectorMatcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  /** The matcher's text as written, e.g. `code!~"5.."`. */
  text: string;
  /**
   * The value the matcher compares with, when it can be read without interpreting escapes (a
   * backtick string, or a quoted string with no backslash); undefined otherwise.
   */
  value?: string;
}

/** A metric selector taken apart: its metric name (if written before the braces) and matchers. */
export interface SelectorParts {
  metricName?: string;
  matchers: SelectorMatcher[];
}

const OPS = new Set(['=', '!=', '=~', '!~']);

/** The value of a PromQL string literal, when reading it needs no escape handling. */
function literalValue(literal: string): string | undefined {
  const quote = literal[0];
  const inner = literal.slice(1, -1);
  if (quote === '`') return inner;
  if ((quote === '"' || quote === "'") && !inner.includes('\\')) return inner;
  return undefined;
}

const selectorPartsMemo = memoizedByText(selectorPartsOf);

/**
 * Takes a metric selector such as `http_requests_total{service="a",code!~"5.."}` apart with the
 * PromQL grammar. Undefined when the text is not exactly one metric selector, or uses a form the
 * parts cannot express (quoted label names). The answer is shared: do not change it.
 */
export function selectorParts(selector: string): SelectorParts | undefined {
  return selectorPartsMemo(selector);
}

function selectorPartsOf(selector: string): SelectorParts | undefined {
  const text = selector.trim();
  if (!isVectorSelector(text)) return undefined;
  const top = parser.parse(text).topNode.firstChild!;
  const parts: SelectorParts = { matchers: [] };
  let understood = true;
  for (let child = top.firstChild; child; child = child.nextSibling) {
    if (child.name === 'Identifier') {
      parts.metricName = text.slice(child.from, child.to);
    } else if (child.name === 'LabelMatchers') {
      for (let m = child.firstChild; m; m = m.nextSibling) {
        if (m.name !== 'UnquotedLabelMatcher') {
          // Braces and commas are anonymous tokens; anything else named is a form we do not read.
          if (m.type.isError || /Matcher|Label/.test(m.name))
            understood = false;
          continue;
        }
        const label = m.getChild('LabelName');
        const op = m.getChild('MatchOp');
        const literal = m.getChild('StringLiteral');
        const opText = op ? text.slice(op.from, op.to) : '';
        if (!label || !literal || !OPS.has(opText)) {
          understood = false;
          continue;
        }
        parts.matchers.push({
          label: text.slice(label.from, label.to),
          op: opText as SelectorMatcher['op'],
          text: text.slice(m.from, m.to),
          value: literalValue(text.slice(literal.from, literal.to)),
        });
      }
    } else {
      understood = false;
    }
  }
  return understood ? parts : undefined;
}

/** A value as an RE2 regular expression matching exactly that value. */
export function regexLiteral(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
