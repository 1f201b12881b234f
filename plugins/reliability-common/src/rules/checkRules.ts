import { validatePromQl } from '../promql';
import { PrometheusRuleFile } from './buildRules';
import { isTemplateLiteral } from './templateText';

/** A text with a lone UTF-16 surrogate, which has no UTF-8 form and so cannot be written. */
const LONE_SURROGATE = /\p{Cs}/u;

const unicodeProblem = (text: string) =>
  LONE_SURROGATE.test(text)
    ? 'is not valid Unicode (has a lone surrogate)'
    : undefined;

function ruleProblems(rule: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const expr = String(rule.expr ?? '');
  const exprProblem = validatePromQl(expr) ?? unicodeProblem(expr);
  if (exprProblem) problems.push(`expr: ${exprProblem}`);
  for (const key of ['labels', 'annotations'] as const) {
    const texts = (rule[key] ?? {}) as Record<string, string>;
    for (const [name, text] of Object.entries(texts)) {
      const problem =
        unicodeProblem(text) ??
        (rule.alert !== undefined && !isTemplateLiteral(text)
          ? 'opens a Prometheus template action ({{ … }}), which would run when the alert fires'
          : undefined);
      if (problem) problems.push(`${key}.${name}: ${problem}`);
    }
  }
  return problems;
}

/** Why one group of a rule file would not load as generated. */
export interface RuleFileProblem {
  /** Index of the group in the file. */
  group: number;
  /** `group "<name>": <field>: <reason>`. */
  message: string;
}

/**
 * Why Prometheus would not load a generated rule file, or would run more than its queries: an
 * empty or repeated group name, an expression that does not parse, a template action in an alert's
 * labels or annotations, a text with no UTF-8 form. Empty when the file loads as generated.
 */
export function checkPrometheusRules(
  file: PrometheusRuleFile,
): RuleFileProblem[] {
  const problems: RuleFileProblem[] = [];
  const seen = new Set<string>();
  file.groups.forEach((group, index) => {
    const report = (message: string) =>
      problems.push({
        group: index,
        message: `group ${JSON.stringify(group.name)}: ${message}`,
      });
    if (!group.name) report('name: must not be empty');
    else if (seen.has(group.name))
      report('name: is repeated (the entity or its SLO is defined twice)');
    seen.add(group.name);
    const nameProblem = unicodeProblem(group.name);
    if (nameProblem) report(`name: ${nameProblem}`);
    group.rules.forEach((rule, at) => {
      for (const problem of ruleProblems(rule))
        report(`rules[${at}].${problem}`);
    });
  });
  return problems;
}

/**
 * The groups of a generated rule file that Prometheus would load, and why each other group would
 * not: what to write when one SLO's rules cannot be, so the others still are.
 */
export function loadableRules(file: PrometheusRuleFile): {
  rules: PrometheusRuleFile;
  problems: RuleFileProblem[];
} {
  const found = checkPrometheusRules(file);
  const broken = new Set(found.map(problem => problem.group));
  // An SLO's window group (`<group>:window`, right after its group) goes with it: both are
  // written or neither, and the SLO's group says why.
  const partnerOf = (index: number) => {
    const group = file.groups[index];
    const before = file.groups[index - 1];
    const after = file.groups[index + 1];
    if (before && group.name === `${before.name}:window`) return index - 1;
    if (after && after.name === `${group.name}:window`) return index + 1;
    return undefined;
  };
  for (const index of [...broken]) {
    const partner = partnerOf(index);
    if (partner !== undefined) broken.add(partner);
  }
  const problems = found.filter(problem => {
    const partner = partnerOf(problem.group);
    const isWindow = partner !== undefined && partner === problem.group - 1;
    return !(isWindow && found.some(p => p.group === partner));
  });
  return {
    rules: { groups: file.groups.filter((_, index) => !broken.has(index)) },
    problems,
  };
}
