import { formulaRowLines, formulaRows } from '../testing/hostileScorecardRows';
import { row } from '../testing/scorecardRows';
import { SCORECARD_CSV_HEADER, scorecardCsvLine } from './scorecardCsv';

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
});
