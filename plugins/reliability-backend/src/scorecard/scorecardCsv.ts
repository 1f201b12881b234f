import { stringify } from 'csv-stringify/sync';
import {
  Freshness,
  ScorecardRow,
} from '@reliability-suite/plugin-reliability-common';

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

/** What the export adds to a stored line, from the row's columns and the configuration. */
export interface ExportAdded {
  tierName?: string;
  freshness: Freshness;
  slosMeetingTarget?: number;
  slosMeasured?: number;
  alertsNotDeployed?: number;
}

/**
 * Columns added to the stored lines when exporting: `tier_name`, the configured name of the
 * row's tier (so that it follows the configuration at once), `measured_at`, when its oldest
 * figures were measured (ISO 8601, UTC), `stale`, whether they are stale at the export
 * (`true`/`false`; see `freshness`: the projection cannot judge its own age), then
 * `slos_meeting_target` and `slos_measured` (the scorecard's "SLOs meeting target n/m") and
 * `alerts_not_deployed`, how many of its SLOs have burn-rate alerts missing or out of date
 * (empty before any alert audit). Added here, from the row's columns, so that lines stored by an
 * earlier version export them as well.
 */
const EXPORT_COLUMNS: Array<[string, (added: ExportAdded) => unknown]> = [
  ['tier_name', a => a.tierName],
  [
    'measured_at',
    a =>
      a.freshness.measuredAt === undefined
        ? undefined
        : new Date(a.freshness.measuredAt).toISOString(),
  ],
  ['stale', a => String(a.freshness.stale)],
  ['slos_meeting_target', a => a.slosMeetingTarget],
  ['slos_measured', a => a.slosMeasured],
  ['alerts_not_deployed', a => a.alertsNotDeployed],
];

/** The export's header: the stored lines' columns, then the columns added when exporting. */
export const SCORECARD_EXPORT_HEADER = stringify(
  [[...COLUMNS, ...EXPORT_COLUMNS].map(([name]) => name)],
  OPTIONS,
);

/**
 * A stored line with the columns added when exporting: the tier's name (empty without a tier),
 * when the figures were measured (empty when never) and whether they are stale now. These are
 * generated values, never an entity's or a user's text, and are written with the same formula
 * neutralisation as the stored columns.
 */
export function exportLine(line: string, added: ExportAdded): string {
  return `${line.replace(/\r?\n$/, '')},${stringify(
    [EXPORT_COLUMNS.map(([, value]) => value(added))],
    OPTIONS,
  )}`;
}

/**
 * One entity's line of the export (RFC 4180 quoting by csv-stringify, formulas neutralised, with
 * its line break). The projector stores it with the row, so an export concatenates stored lines.
 */
export function scorecardCsvLine(row: ScorecardRow): string {
  return stringify([COLUMNS.map(([, value]) => value(row))], OPTIONS);
}
