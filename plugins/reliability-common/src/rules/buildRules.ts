import { stringify } from 'yaml';
import { formatDurationMs } from '../duration';
import {
  BURN_RATE_FIRING_OPERATOR,
  BURN_RATE_WINDOWS_MS,
  burnRateAlerts,
} from '../math/burnRateAlerts';
import { errorBudgetFraction } from '../math/budget';
import { isVectorSelector } from '../promql';
import { safeLinkUrl } from '../links';
import { SloDefinition } from '../slo';
import { templateLiteral } from './templateText';

/** A Prometheus rule file (`promtool check rules` format). */
export interface PrometheusRuleFile {
  groups: Array<{
    name: string;
    /** How often Prometheus evaluates the group; its global `evaluation_interval` when unset. */
    interval?: string;
    rules: Array<Record<string, unknown>>;
  }>;
}

/**
 * A PromQL string literal. JSON's escaping of `\` and `"` is valid PromQL, so no value (an entity
 * reference, an SLO name) can close the string and change the query.
 */
export function promqlString(value: string): string {
  return JSON.stringify(value);
}

/**
 * Alert labels and annotations, which Prometheus renders as templates, written so that they
 * render as these texts. (Recording rules' labels are not templates and are written as they are.)
 */
function templateLiterals(
  texts: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(texts).map(([name, text]) => [name, templateLiteral(text)]),
  );
}

/** Name of the recording rule of the error ratio over a window, e.g. `slo:sli_error:ratio_rate5m`. */
export function errorRatioRecord(windowMs: number): string {
  return `slo:sli_error:ratio_rate${formatDurationMs(windowMs)}`;
}

/**
 * Name of the recording rule of the events an SLI counts over the SLO's window, e.g.
 * `slo:sli_total:increase30d` (request-weighted counts, as Pyrra records them).
 */
export function windowCountRecord(
  counted: 'total' | 'good' | 'bad',
  windowMs: number,
): string {
  return `slo:sli_${counted}:increase${formatDurationMs(windowMs)}`;
}

/**
 * Name of the recording rule of an SLO's objective (its target), labelled with its window: it
 * tells a reader that the SLO's rules are loaded, and for which objective.
 */
export const OBJECTIVE_RECORD = 'slo:objective:ratio';

/** How often the window's counts and objective are recorded by default. */
export const WINDOW_RECORD_INTERVAL = '5m';

/**
 * How old a window record the portal still reads (`last_over_time`): two default intervals, so
 * that one late evaluation does not make the record disappear.
 */
export const WINDOW_RECORD_LOOKBACK = '10m';

/**
 * Whether burn-rate rules can be written for an SLO: a ratio SLI of plain vector selectors (their
 * rates can be taken) over a rolling window. Others are measured, but have no alert rules.
 */
export function isRuleExportable(slo: SloDefinition): boolean {
  const metric = slo.indicator.metric;
  return (
    metric.type === 'ratio' &&
    slo.timeWindow.type === 'rolling' &&
    [metric.good, metric.bad, metric.total].every(
      s => !s || isVectorSelector(s.query),
    )
  );
}

/** The first runbook link of an entity that may be followed (http:/https:), for alert rules. */
export function entityRunbook(
  links: ReadonlyArray<{ url: string; type?: string }> | undefined,
): string | undefined {
  return (links ?? [])
    .filter(link => link.type === 'runbook')
    .map(link => safeLinkUrl(link.url))
    .find(url => url !== undefined);
}

/**
 * Recording rules (error ratio over each burn-rate window) and multiwindow, multi-burn-rate
 * alerts (SRE Workbook; thresholds scaled to the SLO window) for the ratio SLOs of an entity,
 * as Sloth and Pyrra generate them. Threshold SLIs have no error ratio to record and are listed in
 * `skipped`.
 */
export function buildPrometheusRules(
  entityRef: string,
  slos: SloDefinition[],
  options: {
    runbook?: string;
    /**
     * How often the window's counts are recorded (their own group, `<group>:window`). A 30-day
     * count reads every sample of the window, so it is evaluated less often than the burn
     * rates; the portal reads it up to `WINDOW_RECORD_LOOKBACK` old. Default 5m.
     */
    windowInterval?: string;
  } = {},
): { rules: PrometheusRuleFile; skipped: string[] } {
  const groups: PrometheusRuleFile['groups'] = [];
  const skipped: string[] = [];
  for (const slo of slos) {
    const metric = slo.indicator.metric;
    // The first two tests repeat isRuleExportable's for the type checker.
    if (
      metric.type !== 'ratio' ||
      slo.timeWindow.type !== 'rolling' ||
      !isRuleExportable(slo)
    ) {
      skipped.push(slo.name);
      continue;
    }
    const labels = { slo: slo.name, entity: entityRef };
    const matchers = `{slo=${promqlString(slo.name)},entity=${promqlString(
      entityRef,
    )}}`;
    // An absent good or bad series counts as no events (as the portal counts them): during a
    // total outage there is no good series at all, and the ratio must still be 1.
    const errorRatio = (window: string) =>
      metric.bad
        ? `(sum(rate(${metric.bad.query}[${window}])) or vector(0)) / sum(rate(${metric.total.query}[${window}]))`
        : `1 - ((sum(rate(${
            metric.good!.query
          }[${window}])) or vector(0)) / sum(rate(${
            metric.total.query
          }[${window}])))`;
    // What the portal reads in recording-rule mode: the window's counts, exactly the queries it
    // would send itself, and the objective.
    const windowMs = slo.timeWindow.durationMs;
    const window = formatDurationMs(windowMs);
    const counted = metric.bad
      ? { name: 'bad' as const, query: metric.bad.query }
      : { name: 'good' as const, query: metric.good!.query };
    const windowRecords = [
      {
        record: OBJECTIVE_RECORD,
        expr: `vector(${slo.objectives[0].target})`,
        labels: { ...labels, window },
      },
      {
        record: windowCountRecord('total', windowMs),
        expr: `sum(increase(${metric.total.query.trim()}[${window}]))`,
        labels,
      },
      {
        record: windowCountRecord(counted.name, windowMs),
        expr: `sum(increase(${counted.query.trim()}[${window}]))`,
        labels,
      },
    ];
    const budget = errorBudgetFraction(slo.objectives[0].target);
    // Only a link a person may follow goes into the alert: Alertmanager and chat tools link it.
    const runbook = safeLinkUrl(slo.runbook) ?? safeLinkUrl(options.runbook);
    const recording = BURN_RATE_WINDOWS_MS.map(burnWindowMs => ({
      record: errorRatioRecord(burnWindowMs),
      expr: errorRatio(formatDurationMs(burnWindowMs)),
      labels,
    }));
    const alerts = burnRateAlerts(slo.timeWindow.durationMs).map(alert => {
      const long = formatDurationMs(alert.longWindowMs);
      const short = formatDurationMs(alert.shortWindowMs);
      return {
        alert:
          alert.severity === 'page'
            ? 'SLOErrorBudgetBurnFast'
            : 'SLOErrorBudgetBurnSlow',
        // The portal fires by the same comparison (firingBurnRateAlerts).
        expr:
          `(${errorRatioRecord(
            alert.longWindowMs,
          )}${matchers} ${BURN_RATE_FIRING_OPERATOR} (${
            alert.burnRate
          } * ${budget}))` +
          ` and (${errorRatioRecord(
            alert.shortWindowMs,
          )}${matchers} ${BURN_RATE_FIRING_OPERATOR} (${
            alert.burnRate
          } * ${budget}))`,
        labels: templateLiterals({
          ...labels,
          severity: alert.severity,
          long_window: long,
          short_window: short,
        }),
        annotations: templateLiterals({
          summary: `${
            slo.displayName ?? slo.name
          } of ${entityRef} burns its error budget at over ${
            alert.burnRate
          }× (${long}/${short})`,
          description: `At this rate ${Math.round(
            alert.budgetShare * 100,
          )}% of the ${
            slo.timeWindow.duration
          } error budget is spent within ${long}.`,
          ...(runbook ? { runbook_url: runbook } : {}),
        }),
      };
    });
    groups.push(
      {
        name: `slo:${entityRef}:${slo.name}`,
        rules: [...recording, ...alerts],
      },
      {
        name: `slo:${entityRef}:${slo.name}:window`,
        interval: options.windowInterval ?? WINDOW_RECORD_INTERVAL,
        rules: windowRecords,
      },
    );
  }
  return { rules: { groups }, skipped };
}

/** The rule file as YAML. */
export function prometheusRulesYaml(rules: PrometheusRuleFile): string {
  // Every value written out: YAML aliases for the labels rules share would make Prometheus
  // refuse a large file ("document contains excessive aliasing").
  return stringify(rules, { lineWidth: 0, aliasDuplicateObjects: false });
}
