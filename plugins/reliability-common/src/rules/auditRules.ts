import { SloDefinition } from '../slo';
import {
  OBJECTIVE_RECORD,
  PrometheusRuleFile,
  buildPrometheusRules,
} from './buildRules';

/** One rule as Prometheus reports it loaded (`GET /api/v1/rules`). */
export interface LoadedRule {
  type: 'recording' | 'alerting';
  /** The record or alert name. */
  name: string;
  /** The expression as Prometheus prints it. */
  query: string;
  labels: Record<string, string>;
  /** An alert's `for`, in seconds, as Prometheus reports it (`duration`); 0 or absent fires at once. */
  durationSeconds?: number;
  /** An alert's annotations as written in the rule file (templates unrendered); absent when not read. */
  annotations?: Record<string, string>;
}

/** One rule group Prometheus has loaded. */
export interface LoadedRuleGroup {
  name: string;
  rules: LoadedRule[];
}

/**
 * Loaded rule groups by name (one name may be loaded from several files), so that auditing every
 * SLO of a source looks its groups up instead of scanning all of them per SLO.
 */
export type LoadedRuleIndex = ReadonlyMap<
  string,
  ReadonlyArray<LoadedRuleGroup>
>;

/** Indexes the groups of one `/api/v1/rules` answer by name. */
export function indexLoadedRules(
  groups: ReadonlyArray<LoadedRuleGroup>,
): LoadedRuleIndex {
  const index = new Map<string, LoadedRuleGroup[]>();
  for (const group of groups) {
    const same = index.get(group.name);
    if (same) same.push(group);
    else index.set(group.name, [group]);
  }
  return index;
}

/**
 * Whether an SLO's burn-rate alerts are deployed as its definition needs them:
 * - `deployed`: every rule is loaded with the defined expression;
 * - `missing`: some rules are not loaded (`no-rules`: none at all);
 * - `out-of-date`: loaded, but with another threshold, windows or expression;
 * - `not-exportable`: no rules can be generated for it (nothing to check);
 * - `unknown`: the source's rules could not be read.
 */
export type AlertAuditStatus =
  | 'deployed'
  | 'missing'
  | 'out-of-date'
  | 'no-rules'
  | 'not-exportable'
  | 'unknown';

/** The audit of one SLO's rules on its metric source. */
export interface SloAlertAudit {
  entityRef: string;
  sloName: string;
  /** The metric source whose loaded rules were read. */
  source: string;
  status: AlertAuditStatus;
  /** What is missing or out of date, one line each, e.g. `missing: SLOErrorBudgetBurnFast 1h/5m`. */
  findings: string[];
}

/** One SLO's deployed alerts, as `GET /alerts/:kind/:namespace/:name` answers. */
export interface SloAlertsDeployed {
  sloName: string;
  /** The metric source whose loaded rules were read. */
  source: string;
  status: AlertAuditStatus;
  /** What is missing or out of date, one line each. */
  findings: string[];
  /** The line people read: `Alerts deployed`, or the findings. */
  summary: string;
  /** When the rules were read, epoch ms. */
  auditedAt: number;
}

/** The alert audit of an entity's SLOs (`GET /alerts/:kind/:namespace/:name`). */
export interface EntityAlerts {
  entityRef: string;
  /** SLOs audited so far; an SLO not listed has not been audited yet. */
  slos: SloAlertsDeployed[];
  /** Rule groups still loaded for SLOs of this entity that are no longer defined. */
  orphanRuleGroups: string[];
}

/** A token of a PromQL expression, compared regardless of how it is printed. */
type Token = string | number;

const TOKEN =
  /\s*(?:("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)|((?:\d+(?:ms|[smhdwy]))+)(?![\w.])|(0x[0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[Ii]nf|NaN)(?![\w:])|([a-zA-Z_:][\w:]*)|(==|!=|>=|<=|=~|!~|[-+*/%^<>=(){}[\],@]))/y;

const DURATION_UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** `4w2d` → ms (Prometheus prints durations in its largest units). */
function durationMs(text: string): number {
  let total = 0;
  for (const [, count, unit] of text.matchAll(/(\d+)(ms|[smhdwy])/g))
    total += Number(count) * DURATION_UNIT_MS[unit];
  return total;
}

/**
 * An expression as tokens: whitespace dropped, strings unquoted, durations and numbers as
 * values. Prometheus prints a loaded rule's expression in its own way (`30d` as `4w2d`, numbers
 * in Go's notation), so two expressions are the same when their tokens are.
 */
export function promqlTokens(expr: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expr.length) {
    if (/^\s*$/.test(expr.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(expr);
    if (!match) return undefined;
    const [, quoted, duration, number, identifier, operator] = match;
    if (quoted !== undefined)
      tokens.push(
        `"${
          quoted.startsWith('`')
            ? quoted.slice(1, -1)
            : quoted.slice(1, -1).replace(/\\(.)/g, '$1')
        }"`,
      );
    else if (duration !== undefined) tokens.push(`[${durationMs(duration)}]`);
    else if (number !== undefined) tokens.push(Number(number));
    else tokens.push(identifier ?? operator);
  }
  return sortedMatchers(tokens);
}

/** Label matchers in one order: Prometheus prints them sorted by name. */
function sortedMatchers(tokens: Token[]): Token[] {
  const sorted: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const close = tokens[i] === '{' ? tokens.indexOf('}', i) : -1;
    if (close === -1) {
      sorted.push(tokens[i]);
      continue;
    }
    const matchers: Token[][] = [[]];
    for (const token of tokens.slice(i + 1, close)) {
      if (token === ',') matchers.push([]);
      else matchers[matchers.length - 1].push(token);
    }
    const ordered = matchers
      .filter(m => m.length)
      .sort((a, b) => (a.join(' ') < b.join(' ') ? -1 : 1));
    sorted.push('{', ...ordered.flatMap((m, n) => (n ? [',', ...m] : m)), '}');
    i = close;
  }
  return sorted;
}

const sameNumber = (a: number, b: number) =>
  a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** Positions where two expressions differ only in numbers, or undefined when they differ otherwise. */
function numberDifferences(
  defined: Token[],
  deployed: Token[],
): Array<{ defined: number; deployed: number }> | undefined {
  if (defined.length !== deployed.length) return undefined;
  const differences: Array<{ defined: number; deployed: number }> = [];
  for (let i = 0; i < defined.length; i++) {
    const [a, b] = [defined[i], deployed[i]];
    if (typeof a === 'number' && typeof b === 'number') {
      if (!sameNumber(a, b)) differences.push({ defined: a, deployed: b });
    } else if (a !== b) return undefined;
  }
  return differences;
}

/** Whether two expressions are the same once both are tokenized. */
export function sameExpression(defined: string, deployed: string): boolean {
  const a = promqlTokens(defined);
  const b = promqlTokens(deployed);
  if (!a || !b) return defined.trim() === deployed.trim();
  return numberDifferences(a, b)?.length === 0;
}

/** A number as people read it: 0.999, not 0.9990000000000001. */
const readable = (value: number) => Number(value.toPrecision(10));

/** The rules an SLO needs, as `buildPrometheusRules` writes them. */
function definedGroups(entityRef: string, slo: SloDefinition) {
  return buildPrometheusRules(entityRef, [slo]).rules.groups;
}

const ruleName = (rule: Record<string, unknown>) =>
  String(rule.alert ?? rule.record);

const alertWindows = (labels: Record<string, unknown> | undefined) =>
  `${labels?.long_window ?? '?'}/${labels?.short_window ?? '?'}`;

/** The group names of an SLO's rules. */
export function sloRuleGroupNames(entityRef: string, sloName: string) {
  return [`slo:${entityRef}:${sloName}`, `slo:${entityRef}:${sloName}:window`];
}

/** What differs in a deployed alert's expression: an old objective's threshold, or anything else. */
function alertExpressionFindings(
  name: string,
  windows: string,
  expr: string,
  deployedQuery: string,
  definedObjective: number,
): string[] {
  const differences = numberDifferences(
    promqlTokens(expr) ?? [],
    promqlTokens(deployedQuery) ?? [],
  );
  if (differences?.length === 0) return [];
  // The budget (1 - objective) is the number that differs when an old objective is deployed.
  const budget = 1 - definedObjective;
  const objective = differences?.find(d => sameNumber(d.defined, budget));
  if (differences && objective && differences.length <= 2)
    return [
      `out of date: threshold ${readable(
        1 - objective.deployed,
      )} deployed, ${readable(definedObjective)} defined`,
    ];
  return [`out of date: ${name} ${windows} expression differs`];
}

/** `600` → `10m`, as rule files write a `for`. */
function forText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/**
 * What differs in a deployed alert besides its expression: a `for` that delays firing (the
 * defined alerts fire at once: their short window already filters blips), its severity or other
 * labels (which route it), and its annotations (the summary and runbook link people read).
 */
function alertSettingFindings(
  alert: string,
  defined: {
    labels: Record<string, string>;
    annotations: Record<string, string> | undefined;
    forSeconds: number;
  },
  deployed: LoadedRule,
): string[] {
  const findings: string[] = [];
  const deployedFor = deployed.durationSeconds ?? 0;
  if (deployedFor !== defined.forSeconds)
    findings.push(
      `out of date: ${alert} waits ${forText(deployedFor)} before firing, ${
        defined.forSeconds ? forText(defined.forSeconds) : 'at once'
      } defined`,
    );
  const labelKeys = new Set([
    ...Object.keys(defined.labels),
    ...Object.keys(deployed.labels),
  ]);
  for (const key of [...labelKeys].sort()) {
    const [want, have] = [defined.labels[key], deployed.labels[key]];
    if (want === have) continue;
    findings.push(
      key === 'severity'
        ? `out of date: ${alert} severity ${have ?? 'none'} deployed, ${
            want ?? 'none'
          } defined`
        : `out of date: ${alert} label ${key} differs`,
    );
  }
  // Annotations are compared only when the source reported them.
  if (deployed.annotations && defined.annotations) {
    const keys = new Set([
      ...Object.keys(defined.annotations),
      ...Object.keys(deployed.annotations),
    ]);
    for (const key of [...keys].sort()) {
      if (defined.annotations[key] === deployed.annotations[key]) continue;
      findings.push(
        key === 'runbook_url'
          ? `out of date: ${alert} runbook link differs`
          : `out of date: ${alert} annotation ${key} differs`,
      );
    }
  }
  return findings;
}

/** An audited SLO's status: anything missing outweighs anything out of date. */
function auditStatus(missing: boolean, outdated: boolean): AlertAuditStatus {
  if (missing) return 'missing';
  if (outdated) return 'out-of-date';
  return 'deployed';
}

/**
 * Compares what an SLO's definition needs (`buildPrometheusRules`) with the rule groups a
 * Prometheus has loaded: alerts missing, alerts whose threshold or windows differ (an old
 * objective still deployed), recording rules whose expression differs, or no rules at all.
 */
export function auditSloRules(
  entityRef: string,
  slo: SloDefinition,
  source: string,
  loaded: ReadonlyArray<LoadedRuleGroup> | LoadedRuleIndex,
): SloAlertAudit {
  const base = { entityRef, sloName: slo.name, source };
  const defined: PrometheusRuleFile['groups'] = definedGroups(entityRef, slo);
  if (!defined.length)
    return { ...base, status: 'not-exportable', findings: [] };
  const index = 'get' in loaded ? loaded : indexLoadedRules(loaded);
  const deployedRules = defined.flatMap(group =>
    (index.get(group.name) ?? []).flatMap(g => g.rules),
  );
  if (!deployedRules.length)
    return { ...base, status: 'no-rules', findings: ['no rules deployed'] };

  const missing: string[] = [];
  const outdated: string[] = [];
  const definedObjective = slo.objectives[0].target;
  const definedAlerts = new Set<string>();
  for (const rule of defined.flatMap(group => group.rules)) {
    const name = ruleName(rule);
    const labels = rule.labels as Record<string, string> | undefined;
    const expr = String(rule.expr);
    if (rule.alert !== undefined) {
      const windows = alertWindows(labels);
      definedAlerts.add(`${name} ${windows}`);
      const deployed = deployedRules.find(
        r =>
          r.type === 'alerting' &&
          r.name === name &&
          alertWindows(r.labels) === windows,
      );
      if (!deployed) {
        missing.push(`missing: ${name} ${windows}`);
        continue;
      }
      outdated.push(
        ...alertExpressionFindings(
          name,
          windows,
          expr,
          deployed.query,
          definedObjective,
        ),
        ...alertSettingFindings(
          `${name} ${windows}`,
          {
            labels: labels ?? {},
            annotations: rule.annotations as Record<string, string>,
            forSeconds: 0,
          },
          deployed,
        ),
      );
    } else {
      const deployed = deployedRules.filter(
        r =>
          r.type === 'recording' &&
          r.name === name &&
          Object.entries(labels ?? {}).every(
            ([key, value]) => r.labels[key] === value,
          ),
      );
      if (!deployed.length) missing.push(`missing: recording rule ${name}`);
      else if (!deployed.some(r => sameExpression(expr, r.query))) {
        // The objective's record holds the objective itself: say which one is deployed.
        const differences =
          name === OBJECTIVE_RECORD
            ? numberDifferences(
                promqlTokens(expr) ?? [],
                promqlTokens(deployed[0].query) ?? [],
              )
            : undefined;
        if (differences?.length === 1)
          outdated.push(
            `out of date: threshold ${readable(
              differences[0].deployed,
            )} deployed, ${readable(definedObjective)} defined`,
          );
        else
          outdated.push(
            `out of date: recording rule ${name} expression differs`,
          );
      }
    }
  }
  for (const rule of deployedRules) {
    const key = `${rule.name} ${alertWindows(rule.labels)}`;
    if (rule.type === 'alerting' && !definedAlerts.has(key))
      outdated.push(`out of date: ${key} deployed, not defined`);
  }
  const findings = [...new Set([...missing, ...outdated])];
  return {
    ...base,
    status: auditStatus(missing.length > 0, outdated.length > 0),
    findings,
  };
}

/**
 * Rule groups of SLOs that no longer exist: groups named as the suite names them (`slo:…`) that
 * belong to none of the SLOs given.
 */
export function orphanRuleGroups(
  loaded: ReadonlyArray<LoadedRuleGroup>,
  slos: ReadonlyArray<{ entityRef: string; sloName: string }>,
): string[] {
  const known = new Set(
    slos.flatMap(s => sloRuleGroupNames(s.entityRef, s.sloName)),
  );
  return [
    ...new Set(
      loaded
        .map(group => group.name)
        .filter(name => name.startsWith('slo:') && !known.has(name)),
    ),
  ].sort();
}

/** One line a person reads about an SLO's deployed alerts. */
export function describeAlertAudit(audit: SloAlertAudit): string {
  switch (audit.status) {
    case 'deployed':
      return 'Alerts deployed';
    case 'not-exportable':
      return 'No burn-rate rules can be generated';
    default:
      return audit.findings.join('; ');
  }
}
