import { formulaRowLines, formulaRows } from '../testing/hostileScorecardRows';
import { row } from '../testing/scorecardRows';
import {
  SCORECARD_CSV_HEADER,
  SCORECARD_EXPORT_HEADER,
  exportLine,
  scorecardCsvLine,
} from './scorecardCsv';

describe('scorecard CSV lines', () => {
  it('neutralise formulas in every text column and keep negative numbers as numbers', () => {
    expect(formulaRows.map(scorecardCsvLine)).toEqual(formulaRowLines);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@A1', "'@A1"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['＝1', "'＝1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠1', "'＠1"],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ["'=1", "'=1"],
  ])('write a title %j as %j', (title, cell) => {
    expect(scorecardCsvLine(row('x', { title }))).toBe(
      `component:default/x,${cell},,,,,,,0,0,,,,no_data,nodata,,,\n`,
    );
  });

  it('keep the header as it was', () => {
    expect(SCORECARD_CSV_HEADER).toBe(
      'entity,title,tier,owner,system,domain,lifecycle,on_call,runbooks,slos,attainment,budget_remaining,max_burn_rate_1h,budget_status,policy_state,readiness_score,review_state,missing\n',
    );
  });

  it('export the stored columns, then tier_name, measured_at, stale, SLOs meeting target and alerts not deployed', () => {
    expect(SCORECARD_EXPORT_HEADER).toBe(
      'entity,title,tier,owner,system,domain,lifecycle,on_call,runbooks,slos,attainment,budget_remaining,max_burn_rate_1h,budget_status,policy_state,readiness_score,review_state,missing,tier_name,measured_at,stale,slos_meeting_target,slos_measured,alerts_not_deployed\n',
    );
  });

  it.each([
    [
      'stale figures',
      {
        measuredAt: Date.parse('2026-12-01T09:00:00Z'),
        ageMs: 10_800_000,
        stale: true,
        staleBecause: 'old' as const,
      },
      'Gold',
      ',Gold,2026-12-01T09:00:00.000Z,true,,,\n',
    ],
    [
      'current figures',
      {
        measuredAt: Date.parse('2026-12-01T11:58:00.250Z'),
        ageMs: 120_000,
        stale: false,
      },
      'Gold',
      ',Gold,2026-12-01T11:58:00.250Z,false,,,\n',
    ],
    [
      'figures never measured, of a failed evaluation, without a tier',
      { stale: true, staleBecause: 'degraded' as const },
      undefined,
      ',,,true,,,\n',
    ],
    [
      'a tier name a spreadsheet would run',
      { stale: false },
      '=Gold',
      ",'=Gold,,false,,,\n",
    ],
  ])(
    'end an exported line of %s with its tier name, measured_at and stale (no SLO figures given)',
    (_label, freshness, tierName, end) => {
      const line = scorecardCsvLine(row('x', { tier: 1 }));
      expect(exportLine(line, { tierName, freshness })).toBe(
        `component:default/x,,1,,,,,,0,0,,,,no_data,nodata,,,${end}`,
      );
    },
  );

  it('end an exported line with its SLOs meeting target and alerts not deployed', () => {
    const line = scorecardCsvLine(row('x', { tier: 1 }));
    expect(
      exportLine(line, {
        tierName: 'Gold',
        freshness: { stale: false },
        slosMeetingTarget: 2,
        slosMeasured: 3,
        alertsNotDeployed: 1,
      }),
    ).toBe(
      'component:default/x,,1,,,,,,0,0,,,,no_data,nodata,,,,Gold,,false,2,3,1\n',
    );
  });
});
