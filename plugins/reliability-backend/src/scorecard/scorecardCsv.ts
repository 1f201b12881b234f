import { stringify } from 'csv-stringify/sync';
import { ScorecardRow } from '@reliability-suite/plugin-reliability-common';

const COLUMNS: Array<[string, (row: ScorecardRow) => unknown]> = [
  ['entity', r => r.entityRef],
  ['title', r => r.title],
  ['tier', r => r.tier],
  ['owner', r => r.owner],
  ['system', r => r.system],
  ['domain', r => r.domain],
  ['lifecycle', r => r.lifecycle],
  ['on_call', r => r.onCall],
  ['runbooks', r => r.runbookCount],
  ['slos', r => r.sloCount],
  ['attainment', r => r.attainment],
  ['budget_remaining', r => r.budgetRemaining],
  ['max_burn_rate_1h', r => r.maxBurnRate],
  ['budget_status', r => r.budgetStatus],
  ['policy_state', r => r.policyState],
  ['readiness_score', r => r.readinessScore],
  ['review_state', r => r.reviewState],
  ['missing', r => r.missing.join(' ')],
];

/**
 * Entity and user texts (titles, owners, on-call text…) that begin with `=`, `+`, `-`, `@`, a tab
 * or a carriage return (or their full-width forms) get a leading `'`, so that a spreadsheet shows
 * them as text instead of running them as formulas. Numbers, negative ones too, stay numbers.
 */
const OPTIONS = { escape_formulas: true };

/** The export's header line (with its line break). */
export const SCORECARD_CSV_HEADER = stringify(
  [COLUMNS.map(([name]) => name)],
  OPTIONS,
);

/**
 * The export's header: the stored lines' columns, then `tier_name`, the configured name of the
 * row's tier, added when exporting so that it follows the configuration at once.
 */
export const SCORECARD_EXPORT_HEADER = stringify(
  [[...COLUMNS.map(([name]) => name), 'tier_name']],
  OPTIONS,
);

/** A stored line with the tier's name as its last column (empty without a tier). */
export function withTierName(line: string, tierName?: string): string {
  return `${line.replace(/\r?\n$/, '')},${stringify([[tierName]], OPTIONS)}`;
}

/**
 * One entity's line of the export (RFC 4180 quoting by csv-stringify, formulas neutralised, with
 * its line break). The projector stores it with the row, so an export concatenates stored lines.
 */
export function scorecardCsvLine(row: ScorecardRow): string {
  return stringify([COLUMNS.map(([, value]) => value(row))], OPTIONS);
}
