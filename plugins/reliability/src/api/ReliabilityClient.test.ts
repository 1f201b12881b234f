import { ResponseError } from '@backstage/errors';
import { ReliabilityClient } from './ReliabilityClient';

const checkout = { kind: 'Component', namespace: 'default', name: 'checkout' };
const readiness = { entityRef: 'component:default/checkout', events: [] };

function client(response: Response) {
  const fetch = jest.fn().mockResolvedValue(response);
  const api = new ReliabilityClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://localhost:7007/api/${pluginId}`,
    },
    fetchApi: { fetch },
  });
  return { api, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('ReliabilityClient readiness calls', () => {
  it('reads the readiness of an entity', async () => {
    const { api, fetch } = client(json(readiness));
    await expect(api.getReadiness(checkout)).resolves.toEqual(readiness);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/reliability/readiness/Component/default/checkout',
      undefined,
    );
  });

  it('posts an attestation as JSON', async () => {
    const { api, fetch } = client(json(readiness, 201));
    const request = {
      itemId: 'capacity',
      evidence: ['https://ci.example.com/load/42'],
      expiresAt: '2027-02-21',
    };
    await expect(api.attest(checkout, request)).resolves.toEqual(readiness);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/reliability/readiness/Component/default/checkout/attestations',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  });

  it('posts review actions to the review and reports refusals with the backend message', async () => {
    const { api, fetch } = client(
      json(
        {
          error: {
            name: 'ConflictError',
            message:
              'cannot approve: required items are failing: dashboards, rollback',
          },
          request: {
            method: 'POST',
            url: '/api/reliability/reviews/7/actions',
          },
          response: { statusCode: 409 },
        },
        409,
      ),
    );
    const failure = await api
      .actOnReview(7, { action: 'approve' })
      .catch(e => e);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://localhost:7007/api/reliability/reviews/7/actions',
    );
    expect(fetch.mock.calls[0][1].body).toBe('{"action":"approve"}');
    expect(ResponseError.is(failure)).toBe(true);
    expect(failure.statusCode).toBe(409);
    expect(failure.cause.message).toBe(
      'cannot approve: required items are failing: dashboards, rollback',
    );
  });

  it('asks for the open reviews with the queue filters and returns the reviews', async () => {
    const reviews = [{ id: 7, entityRef: 'component:default/checkout' }];
    const { api, fetch } = client(json({ reviews }));
    await expect(
      api.getOpenReviews({
        state: 'in_review',
        reviewer: 'group:default/sre',
        dueBefore: '2027-01-15',
      }),
    ).resolves.toEqual(reviews);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://localhost:7007/api/reliability/reviews?state=in_review&reviewer=group%3Adefault%2Fsre&due_before=2027-01-15',
    );
    fetch.mockResolvedValue(json({ reviews: [] }));
    await expect(api.getOpenReviews({})).resolves.toEqual([]);
    expect(fetch.mock.calls[1][0]).toBe(
      'http://localhost:7007/api/reliability/reviews',
    );
  });
});

describe('ReliabilityClient scorecard calls', () => {
  const page = { rows: [], totalCount: 0, page: 2, pageSize: 25 };

  it('asks for a page of the scorecard with its filters, sort and page', async () => {
    const { api, fetch } = client(json(page));
    await expect(
      api.getScorecard({
        filter: { tiers: [0, 1], owners: ['group:default/payments'] },
        sort: 'name',
        order: 'desc',
        page: 2,
        pageSize: 25,
      }),
    ).resolves.toEqual(page);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/reliability/scorecard?tier=0%2C1&owner=group%3Adefault%2Fpayments&sort=name&order=desc&page=2&pageSize=25',
      undefined,
    );
  });

  it('asks for rollups by a dimension with the filters', async () => {
    const rollups = { by: 'system', groups: [], totals: {} };
    const { api, fetch } = client(json(rollups));
    await expect(
      api.getScorecardRollups('system', { budgetStatuses: ['burning_fast'] }),
    ).resolves.toEqual(rollups);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://localhost:7007/api/reliability/scorecard/rollups?budgetStatus=burning_fast&by=system',
    );
  });

  it('asks for the trends of owners and tiers and returns the days', async () => {
    const days = [{ day: '2026-11-30', entities: 3 }];
    const { api, fetch } = client(json({ days }));
    await expect(
      api.getScorecardTrends(28, {
        owners: ['group:default/payments'],
        tiers: [0],
      }),
    ).resolves.toEqual(days);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://localhost:7007/api/reliability/scorecard/trends?tier=0&owner=group%3Adefault%2Fpayments&days=28',
    );
  });

  it('asks for the weekly review of a week, or of this week', async () => {
    const { api, fetch } = client(json({ week: '2026-W48' }));
    await api.getWeeklyReview('2026-W48');
    expect(fetch.mock.calls[0][0]).toBe(
      'http://localhost:7007/api/reliability/scorecard/weekly?week=2026-W48',
    );
    fetch.mockResolvedValue(json({ week: '2026-W49' }));
    await api.getWeeklyReview();
    expect(fetch.mock.calls[1][0]).toBe(
      'http://localhost:7007/api/reliability/scorecard/weekly',
    );
  });

  it('downloads an export of the whole view under the name the backend gives', async () => {
    const createObjectURL = jest.fn().mockReturnValue('blob:export');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        expect(this.download).toBe('reliability-scorecard.csv');
        expect(this.href).toBe('blob:export');
      });
    const { api, fetch } = client(
      new Response('entity,tier\ncomponent:default/checkout,1\n', {
        headers: {
          'Content-Type': 'text/csv',
          'Content-Disposition':
            'attachment; filename="reliability-scorecard.csv"',
        },
      }),
    );
    await api.exportScorecard('csv', {
      filter: { missing: 'slos', stale: true },
      sort: 'maxBurnRate',
      order: 'desc',
      page: 3,
      pageSize: 25,
    });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://localhost:7007/api/reliability/scorecard/export?missing=slos&stale=true&sort=maxBurnRate&order=desc&format=csv',
    );
    expect(click).toHaveBeenCalledTimes(1);
    const blob: Blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('text/csv');
    expect(blob.size).toBe(
      'entity,tier\ncomponent:default/checkout,1\n'.length,
    );
    click.mockRestore();
  });

  it('reports a refused export with the backend message', async () => {
    const { api } = client(
      json(
        {
          error: { name: 'InputError', message: 'sort must be one of name' },
          request: { method: 'GET', url: '/api/reliability/scorecard/export' },
          response: { statusCode: 400 },
        },
        400,
      ),
    );
    const failure = await api
      .exportScorecard('json', {
        filter: {},
        sort: 'tier',
        order: 'asc',
        page: 1,
        pageSize: 50,
      })
      .catch(e => e);
    expect(ResponseError.is(failure)).toBe(true);
    expect(failure.cause.message).toBe('sort must be one of name');
  });
});

describe('ReliabilityClient tiers', () => {
  it('reads the configured tiers, lowest level first', async () => {
    const tier = (level: number, name: string) => ({ level, name });
    const { api, fetch } = client(
      json({ tiers: [tier(4, 'Lab'), tier(0, 'Platinum'), tier(2, 'Silver')] }),
    );
    expect((await api.getTiers()).map(t => t.name)).toEqual([
      'Platinum',
      'Silver',
      'Lab',
    ]);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/reliability/tiers',
      undefined,
    );
  });
});
