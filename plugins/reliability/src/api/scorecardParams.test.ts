import {
  SCORECARD_DEFAULTS,
  ScorecardQuery,
  parseScorecardQuery,
  scorecardQueryParams,
} from './scorecardParams';

const query = (change: Partial<ScorecardQuery>): ScorecardQuery => ({
  filter: {},
  ...SCORECARD_DEFAULTS,
  ...change,
});

describe('scorecard query parameters', () => {
  it.each<[string, ScorecardQuery]>([
    ['', query({})],
    ['tier=0%2C1', query({ filter: { tiers: [0, 1] } })],
    [
      'owner=group%3Adefault%2Fpayments&system=system%3Adefault%2Fshop&domain=domain%3Adefault%2Fcommerce',
      query({
        filter: {
          owners: ['group:default/payments'],
          systems: ['system:default/shop'],
          domains: ['domain:default/commerce'],
        },
      }),
    ],
    [
      'lifecycle=production%2Cexperimental&policyState=red&budgetStatus=burning_fast%2Cburning_slow',
      query({
        filter: {
          lifecycles: ['production', 'experimental'],
          policyStates: ['red'],
          budgetStatuses: ['burning_fast', 'burning_slow'],
        },
      }),
    ],
    [
      'missing=slos&q=check+out%2C+now',
      query({ filter: { missing: 'slos', search: 'check out, now' } }),
    ],
    ['stale=true', query({ filter: { stale: true } })],
    [
      'kind=component&type=service&tier=0%2C1',
      query({
        filter: { kinds: ['component'], types: ['service'], tiers: [0, 1] },
      }),
    ],
    [
      'owner=group%3Adefault%2Fsre&stale=false',
      query({ filter: { owners: ['group:default/sre'], stale: false } }),
    ],
    [
      'sort=budgetRemaining&order=desc&page=3&pageSize=100',
      query({ sort: 'budgetRemaining', order: 'desc', page: 3, pageSize: 100 }),
    ],
    [
      'tier=3&owner=group%3Adefault%2Fsre%2Cuser%3Adefault%2Fana&sort=name',
      query({
        filter: {
          tiers: [3],
          owners: ['group:default/sre', 'user:default/ana'],
        },
        sort: 'name',
      }),
    ],
  ])('"%s" round-trips', (params, expected) => {
    expect(scorecardQueryParams(expected).toString()).toBe(params);
    expect(parseScorecardQuery(new URLSearchParams(params))).toEqual(expected);
  });

  it('leaves the defaults out and writes lists comma-separated', () => {
    expect(
      scorecardQueryParams(
        query({ filter: { tiers: [0, 1], owners: [] }, page: 1 }),
      ).toString(),
    ).toBe('tier=0%2C1');
  });

  it('reads kinds and types in lower case, and drops a kind without rows', () => {
    expect(
      parseScorecardQuery(
        new URLSearchParams('kind=Component,Domain,API&type=Service'),
      ).filter,
    ).toEqual({ kinds: ['component', 'api'], types: ['service'] });
  });

  it('reads repeated parameters as lists', () => {
    expect(
      parseScorecardQuery(
        new URLSearchParams('tier=0&tier=1,2&owner=a&owner=a'),
      ).filter,
    ).toEqual({ tiers: [0, 1, 2], owners: ['a'] });
  });

  it('drops values the backend would refuse, and keeps the rest', () => {
    expect(
      parseScorecardQuery(
        new URLSearchParams(
          'tier=9,x,1&policyState=purple,red&budgetStatus=melting&missing=luck&stale=yes&sort=colour&order=up&page=0&pageSize=501&q=%20%20',
        ),
      ),
    ).toEqual(query({ filter: { tiers: [1], policyStates: ['red'] } }));
  });

  it('keeps the tiers of the configuration, five of them, and drops the others', () => {
    expect(
      parseScorecardQuery(
        new URLSearchParams('tier=4,5,0,1.5,04'),
        [0, 1, 2, 3, 4],
      ).filter,
    ).toEqual({ tiers: [4, 0] });
  });

  it('ignores parameters that are not the scorecard query', () => {
    expect(
      parseScorecardQuery(new URLSearchParams('tab=trends&by=system&days=28')),
    ).toEqual(query({}));
  });
});
