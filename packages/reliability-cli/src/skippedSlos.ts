import {
  SloDefinition,
  formatProblem,
} from '@reliability-suite/plugin-reliability-common';

/** Why no burn-rate rules can be written for an SLO (`isRuleExportable` is false). */
export function ruleSkipReason(slo: SloDefinition): string {
  const metric = slo.indicator.metric;
  if (metric.type === 'threshold')
    return 'a threshold SLI has no error ratio to alert on';
  if (slo.timeWindow.type !== 'rolling')
    return `burn-rate alerts need a rolling window, not a calendar window (${slo.timeWindow.duration})`;
  return 'its SLI queries are not metric selectors, whose rates the rules take';
}

/** `file:line: SLO "name" is left out of the rules: reason`, the file as the user reads it. */
export function skippedSloLine(
  slo: SloDefinition,
  file: string,
  reason: string,
): string {
  return formatProblem({
    file,
    line: slo.source.line,
    field: '',
    message: `SLO ${JSON.stringify(
      slo.name,
    )} is left out of the rules: ${reason}`,
  });
}
