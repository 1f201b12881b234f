import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ReliabilityApi, reliabilityApiRef } from '../../api/ReliabilityApi';
import { ScorecardQuery } from '../../api/scorecardParams';
import { mockReliabilityApi } from '../testApi';
import { ScorecardPage } from './ScorecardPage';
import {
  byOwner,
  byTier,
  firstPage,
  orgTotals,
  pageShownAt,
  rollup,
  trendDays,
  week48,
} from './testScorecard';
import { withText } from '../testText';

function mockApi() {
  return mockReliabilityApi({
    getScorecard: jest.fn().mockResolvedValue(firstPage),
    getScorecardRollups: jest
      .fn()
      .mockImplementation(async by => (by === 'tier' ? byTier : byOwner)),
    getScorecardTrends: jest.fn().mockResolvedValue(trendDays),
    getWeeklyReview: jest.fn().mockResolvedValue(week48),
    exportScorecard: jest.fn().mockResolvedValue(undefined),
  });
}

/** Shows the router's current query string, to check what the page writes into the URL. */
function LocationProbe() {
  return <output data-testid="location">{useLocation().search}</output>;
}

const urlParams = () =>
  Object.fromEntries(
    new URLSearchParams(screen.getByTestId('location').textContent ?? ''),
  );

async function render(api: ReliabilityApi, url = '/reliability') {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <ScorecardPage />
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const defaults: ScorecardQuery = {
  filter: {},
  sort: 'tier',
  order: 'asc',
  page: 1,
  pageSize: 50,
};

/** A backend error answer, as `ReliabilityClient` turns it into an exception. */
function responseError(status: number, statusText: string, message: string) {
  return ResponseError.fromResponse({
    status,
    statusText,
    url: 'http://localhost/api/reliability/scorecard',
    headers: new Headers({ 'Content-Type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: `${statusText}Error`, message },
        request: { method: 'GET', url: '/api/reliability/scorecard' },
        response: { statusCode: status },
      }),
  } as Response);
}

const lastQuery = (api: ReturnType<typeof mockApi>) =>
  api.getScorecard.mock.calls[api.getScorecard.mock.calls.length - 1][0];

const entitiesTable = () => screen.getByRole('table', { name: 'Entities' });
const rollupTable = (name = 'Rollup by owner') =>
  screen.getByRole('table', { name });

/** Picks an option of one of the filter drop-downs and closes it. */
async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const listbox = screen.getByRole('listbox');
  fireEvent.click(within(listbox).getByRole('option', { name: option }));
  fireEvent.keyDown(listbox, { key: 'Escape' });
  // The menu leaves after its transition; a plain selector is much cheaper than a role query.
  await waitFor(() =>
    expect(document.querySelector('[role="listbox"]')).toBeNull(),
  );
}

// Full MUI pages with menus and tables are slow in jsdom, the more so when suites run in parallel.
jest.setTimeout(30_000);

describe('ScorecardPage', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows the coverage figures, the rollup and the first page of entities', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(pageShownAt);
    const api = mockApi();
    await render(api);
    expect(
      screen.getByRole('heading', { name: 'Reliability scorecard' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Scorecard',
      'Trends',
      'Weekly review',
      'Launch reviews',
    ]);
    await screen.findByRole('table', { name: 'Entities' });

    const coverage = within(screen.getByRole('list', { name: 'Coverage' }));
    for (const text of [
      'Tier 0/Tier 1 services with SLOs: 40/48',
      'Tier 0/Tier 1 services with on-call: 47/48',
      'Services with SLOs: 170/240',
      'Services with runbooks: 110/240',
      'Out of budget: 7',
      'Burning fast: 3',
      'Burning slow: 5',
      'SLOs meeting target: 412/430',
    ]) {
      expect(coverage.getByText(text)).toBeInTheDocument();
    }
    expect(coverage.getByText('83%')).toBeInTheDocument(); // 40 of 48

    const payments = within(rollupTable()).getByRole('row', {
      name: /^payments/,
    });
    expect(
      within(payments)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'payments',
      '40',
      '30/40',
      '11/12',
      '38/40',
      '25/40',
      '2',
      '1',
      '0',
      '0',
      '0',
      '19/20',
      '—',
    ]);
    expect(within(payments).getByText('payments')).toHaveAttribute(
      'title',
      'Show only payments',
    );
    expect(within(rollupTable()).getByText('No owner')).toBeInTheDocument();

    expect(screen.getByText('120 entities')).toBeInTheDocument();
    const checkout = within(entitiesTable()).getByRole('row', {
      name: /^Checkout/,
    });
    expect(
      within(checkout)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'Checkout',
      'Tier 1',
      'payments',
      // Compact on-call and policy state; the whole of them in their tooltips.
      'PGRP001',
      '2',
      '1/2',
      '-38.89%',
      '14.4×',
      'Burning fast',
      'Red',
      'Stale · 3 hours ago',
      // Not audited: the alert audit has not listed its rules.
      '—',
      '75%',
      'Runbooks, DR tested',
    ]);
    expect(within(checkout).getByText('PGRP001')).toHaveAttribute(
      'title',
      'PagerDuty service PGRP001',
    );
    expect(
      within(checkout).getByTitle('Red: feature freeze'),
    ).toHaveTextContent(/^Red$/);
    expect(within(checkout).getByText('Checkout')).toHaveAttribute(
      'title',
      'Checkout',
    );
    expect(within(checkout).getByTitle(/^Stale: /)).toHaveAttribute(
      'title',
      'Stale: measured 3 hours ago; not evaluated for over two evaluation intervals',
    );
    const ledger = within(entitiesTable()).getByRole('row', {
      name: /^ledger/,
    });
    expect(
      within(ledger)
        .getAllByRole('cell')
        .map(cell => cell.textContent)[10],
    ).toBe('2 minutes ago');
    expect(
      within(entitiesTable())
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Entity',
      'Tier',
      'Owner',
      'On-call',
      'SLOs',
      'SLOs meeting target',
      'Budget left',
      '1h burn',
      'Budget status',
      'Policy state',
      'Measured',
      'Alerts',
      'Readiness',
      'Missing',
    ]);
    expect(
      within(checkout).getByRole('link', { name: 'Checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
    expect(
      within(checkout).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments');

    expect(api.getScorecard).toHaveBeenCalledTimes(1);
    expect(api.getScorecard).toHaveBeenCalledWith(defaults);
    expect(api.getScorecardRollups).toHaveBeenCalledWith('owner', {});
    expect(urlParams()).toEqual({});
  });

  it('opens the view a link describes', async () => {
    const api = mockApi();
    await render(
      api,
      '/reliability?tier=0,1&owner=group:default/payments&budgetStatus=burning_fast&sort=name&order=desc&page=2&by=tier',
    );
    await screen.findByRole('table', { name: 'Entities' });
    const filter = {
      tiers: [0, 1],
      owners: ['group:default/payments'],
      budgetStatuses: ['burning_fast'],
    };
    expect(api.getScorecard).toHaveBeenCalledWith({
      filter,
      sort: 'name',
      order: 'desc',
      page: 2,
      pageSize: 50,
    });
    expect(api.getScorecardRollups).toHaveBeenCalledWith('tier', filter);
    expect(rollupTable('Rollup by tier')).toBeInTheDocument();
    expect(screen.getByLabelText('Owner')).toHaveValue(
      'group:default/payments',
    );
    expect(screen.getByLabelText('Tier')).toHaveTextContent('Tier 0, Tier 1');
    expect(screen.getByLabelText('Budget status')).toHaveTextContent(
      'Burning fast',
    );
    expect(
      within(entitiesTable()).getByRole('columnheader', { name: /Entity/ }),
    ).toHaveAttribute('aria-sort', 'descending');
  });

  it('asks for the chosen budget status from the first page, and puts it in the URL', async () => {
    const api = mockApi();
    await render(api, '/reliability?page=3');
    await screen.findByRole('table', { name: 'Entities' });
    await choose('Budget status', 'Burning fast');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        ...defaults,
        filter: { budgetStatuses: ['burning_fast'] },
      }),
    );
    expect(api.getScorecardRollups).toHaveBeenLastCalledWith('owner', {
      budgetStatuses: ['burning_fast'],
    });
    expect(urlParams()).toEqual({ budgetStatus: 'burning_fast' });

    await choose('Tier', 'Tier 1');
    await choose('Tier', 'Tier 0');
    await waitFor(() =>
      expect(lastQuery(api).filter).toEqual({
        tiers: [0, 1],
        budgetStatuses: ['burning_fast'],
      }),
    );
    expect(urlParams()).toEqual({ tier: '0,1', budgetStatus: 'burning_fast' });

    await choose('Missing', 'SLOs');
    await waitFor(() => expect(lastQuery(api).filter.missing).toBe('slos'));
    expect(urlParams().missing).toBe('slos');
  });

  it('shows only entities with stale figures while "Stale only" is checked, and says so in the URL', async () => {
    const api = mockApi();
    await render(api, '/reliability?tier=1&page=2');
    await screen.findByRole('table', { name: 'Entities' });
    const staleOnly = screen.getByRole('checkbox', { name: 'Stale only' });
    expect(staleOnly).not.toBeChecked();
    fireEvent.click(staleOnly);
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        ...defaults,
        filter: { tiers: [1], stale: true },
      }),
    );
    expect(api.getScorecardRollups).toHaveBeenLastCalledWith('owner', {
      tiers: [1],
      stale: true,
    });
    expect(urlParams()).toEqual({ tier: '1', stale: 'true' });
    expect(staleOnly).toBeChecked();
    fireEvent.click(staleOnly);
    await waitFor(() => expect(lastQuery(api).filter).toEqual({ tiers: [1] }));
    expect(urlParams()).toEqual({ tier: '1' });
  });

  it('opens a link to the stale entities with the box checked', async () => {
    const api = mockApi();
    await render(api, '/reliability?stale=true');
    await screen.findByRole('table', { name: 'Entities' });
    expect(api.getScorecard).toHaveBeenCalledWith({
      ...defaults,
      filter: { stale: true },
    });
    expect(screen.getByRole('checkbox', { name: 'Stale only' })).toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastQuery(api)).toEqual(defaults));
    expect(
      screen.getByRole('checkbox', { name: 'Stale only' }),
    ).not.toBeChecked();
  });

  it('searches once typing pauses', async () => {
    const api = mockApi();
    await render(api);
    await screen.findByRole('table', { name: 'Entities' });
    fireEvent.change(screen.getByLabelText('Search'), {
      target: { value: 'che' },
    });
    fireEvent.change(screen.getByLabelText('Search'), {
      target: { value: 'check' },
    });
    await waitFor(() =>
      expect(lastQuery(api).filter).toEqual({ search: 'check' }),
    );
    expect(api.getScorecard).toHaveBeenCalledTimes(2);
    expect(urlParams()).toEqual({ q: 'check' });
  });

  it('takes an owner by its short name', async () => {
    const api = mockApi();
    await render(api);
    await screen.findByRole('table', { name: 'Entities' });
    fireEvent.change(screen.getByLabelText('Owner'), {
      target: { value: 'payments' },
    });
    await waitFor(() =>
      expect(lastQuery(api).filter).toEqual({
        owners: ['group:default/payments'],
      }),
    );
    expect(urlParams()).toEqual({ owner: 'group:default/payments' });
    expect(screen.getByLabelText('Owner')).toHaveValue('payments');
  });

  it('pages a rollup of many groups, largest first', async () => {
    const api = mockApi();
    api.getScorecardRollups.mockResolvedValue({
      by: 'owner',
      groups: Array.from({ length: 23 }, (_, i) =>
        rollup({
          key: `group:default/team-${String(i + 1).padStart(2, '0')}`,
          entities: 100 - i,
        }),
      ),
      totals: orgTotals,
    });
    await render(api);
    const rollupSection = await screen.findByRole('region', {
      name: 'Rollup by owner',
    });
    const groupNames = () =>
      within(rollupTable())
        .getAllByRole('row')
        .slice(1)
        .map(row => row.querySelector('th')?.textContent);
    expect(groupNames()).toEqual([
      'team-01',
      'team-02',
      'team-03',
      'team-04',
      'team-05',
      'team-06',
      'team-07',
      'team-08',
      'team-09',
      'team-10',
    ]);
    expect(within(rollupSection).getByText('1-10 of 23')).toBeInTheDocument();
    fireEvent.click(
      within(rollupSection).getByRole('button', { name: 'Next page' }),
    );
    fireEvent.click(
      within(rollupSection).getByRole('button', { name: 'Next page' }),
    );
    expect(groupNames()).toEqual(['team-21', 'team-22', 'team-23']);
    expect(within(rollupSection).getByText('21-23 of 23')).toBeInTheDocument();
  });

  it('drills down into a team from the rollup', async () => {
    const api = mockApi();
    await render(api, '/reliability?sort=name&page=2');
    await screen.findByRole('table', { name: 'Entities' });
    fireEvent.click(
      within(rollupTable()).getByRole('row', { name: /^payments/ }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        ...defaults,
        sort: 'name',
        filter: { owners: ['group:default/payments'] },
      }),
    );
    expect(urlParams()).toEqual({
      owner: 'group:default/payments',
      sort: 'name',
    });
    expect(screen.getByLabelText('Owner')).toHaveValue(
      'group:default/payments',
    );
  });

  it('rolls up by tier and drills down into one', async () => {
    const api = mockApi();
    await render(api);
    await screen.findByRole('table', { name: 'Rollup by owner' });
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Roll up by' })).getByRole(
        'button',
        { name: 'Tier' },
      ),
    );
    await screen.findByRole('table', { name: 'Rollup by tier' });
    expect(api.getScorecardRollups).toHaveBeenLastCalledWith('tier', {});
    expect(urlParams()).toEqual({ by: 'tier' });
    fireEvent.click(screen.getByRole('button', { name: 'Tier 1' }));
    await waitFor(() => expect(lastQuery(api).filter).toEqual({ tiers: [1] }));
    expect(urlParams()).toEqual({ by: 'tier', tier: '1' });
  });

  it('sorts on the server by the clicked column, ascending then descending', async () => {
    const api = mockApi();
    await render(api, '/reliability?page=2');
    await screen.findByRole('table', { name: 'Entities' });
    fireEvent.click(screen.getByRole('button', { name: 'Budget left' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        ...defaults,
        sort: 'budgetRemaining',
        order: 'asc',
      }),
    );
    expect(urlParams()).toEqual({ sort: 'budgetRemaining' });
    fireEvent.click(screen.getByRole('button', { name: 'Budget left' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        ...defaults,
        sort: 'budgetRemaining',
        order: 'desc',
      }),
    );
    expect(urlParams()).toEqual({ sort: 'budgetRemaining', order: 'desc' });
  });

  it('asks for the next page, and for bigger pages', async () => {
    const api = mockApi();
    await render(api, '/reliability?tier=1');
    await screen.findByRole('table', { name: 'Entities' });
    expect(screen.getByText('1-50 of 120')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        ...defaults,
        filter: { tiers: [1] },
        page: 2,
      }),
    );
    expect(urlParams()).toEqual({ tier: '1', page: '2' });
    expect(screen.getByText('51-100 of 120')).toBeInTheDocument();

    fireEvent.mouseDown(screen.getByRole('button', { name: /Rows per page/ }));
    fireEvent.click(screen.getByRole('option', { name: '100' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        ...defaults,
        filter: { tiers: [1] },
        page: 1,
        pageSize: 100,
      }),
    );
    expect(urlParams()).toEqual({ tier: '1', pageSize: '100' });
  });

  it('exports the current view, filters and sort, as CSV and JSON', async () => {
    const api = mockApi();
    await render(
      api,
      '/reliability?owner=group:default/payments&missing=slos&sort=maxBurnRate&order=desc&page=2',
    );
    await screen.findByRole('table', { name: 'Entities' });
    const view: ScorecardQuery = {
      filter: { owners: ['group:default/payments'], missing: 'slos' },
      sort: 'maxBurnRate',
      order: 'desc',
      page: 2,
      pageSize: 50,
    };
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(api.exportScorecard).toHaveBeenCalledWith('csv', view),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() =>
      expect(api.exportScorecard).toHaveBeenLastCalledWith('json', view),
    );
  });

  it('says why an export failed, in the backend words', async () => {
    const api = mockApi();
    api.exportScorecard.mockRejectedValue(
      await responseError(403, 'NotAllowed', 'Unauthorized'),
    );
    await render(api);
    await screen.findByRole('table', { name: 'Entities' });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByText('Could not export the scorecard: Unauthorized'),
    ).toBeInTheDocument();
  });

  it('says when no entity matches the filters, and clears them', async () => {
    const api = mockApi();
    api.getScorecard.mockImplementation(async query =>
      Object.keys(query.filter).length
        ? { rows: [], totalCount: 0, page: 1, pageSize: 50 }
        : firstPage,
    );
    await render(api, '/reliability?lifecycle=experimental&tab=scorecard');
    expect(
      await screen.findByText('No entities match these filters'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Entities' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show all entities' }));
    await screen.findByRole('table', { name: 'Entities' });
    expect(lastQuery(api)).toEqual(defaults);
    expect(urlParams()).toEqual({ tab: 'scorecard' });
  });

  it('shows what the backend answered when the scorecard cannot load', async () => {
    const api = mockApi();
    api.getScorecard.mockRejectedValue(
      await responseError(503, 'ServiceUnavailable', 'scorecard store is down'),
    );
    await render(api);
    expect(
      await screen.findByText('Error: scorecard store is down'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Entities' })).toBeNull();
    // The rollup loads on its own.
    expect(rollupTable()).toBeInTheDocument();
  });

  it('says why the weekly review cannot load', async () => {
    const api = mockApi();
    api.getWeeklyReview.mockRejectedValue(
      await responseError(
        400,
        'Input',
        'week must be an ISO week such as 2026-W48',
      ),
    );
    await render(api, '/reliability?tab=weekly&week=2026-W48');
    expect(
      await screen.findByText(
        'Error: week must be an ISO week such as 2026-W48',
      ),
    ).toBeInTheDocument();
  });

  it('lists what a coverage card counts when it is chosen, within the view', async () => {
    const api = mockApi();
    await render(api, '/reliability?owner=group:default/payments&page=2');
    await screen.findByRole('table', { name: 'Entities' });
    fireEvent.click(
      within(screen.getByRole('list', { name: 'Coverage' })).getByRole('link', {
        name: /^Services with SLOs: 170\/240/,
      }),
    );
    await waitFor(() =>
      expect(urlParams()).toEqual({
        kind: 'component',
        type: 'service',
        owner: 'group:default/payments',
      }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        ...defaults,
        filter: {
          kinds: ['component'],
          types: ['service'],
          owners: ['group:default/payments'],
        },
      }),
    );
    expect(api.getScorecardRollups).toHaveBeenLastCalledWith('owner', {
      kinds: ['component'],
      types: ['service'],
      owners: ['group:default/payments'],
    });
  });

  it('filters by kind and type, and shows them from a link', async () => {
    const api = mockApi();
    await render(api, '/reliability?type=Service');
    await screen.findByRole('table', { name: 'Entities' });
    expect(screen.getByLabelText('Type')).toHaveValue('service');
    await choose('Kind', 'API');
    await waitFor(() =>
      expect(urlParams()).toEqual({ kind: 'api', type: 'service' }),
    );
    await waitFor(() =>
      expect(lastQuery(api).filter).toEqual({
        kinds: ['api'],
        types: ['service'],
      }),
    );
  });

  it('charts the trends of the owner and tiers of the view', async () => {
    const api = mockApi();
    await render(
      api,
      '/reliability?tab=trends&owner=group:default/payments&tier=0,1&budgetStatus=burning_fast',
    );
    expect(await screen.findByText('As of 2026-11-30')).toBeInTheDocument();
    expect(api.getScorecardTrends).toHaveBeenCalledWith(56, {
      owners: ['group:default/payments'],
      tiers: [0, 1],
    });
    expect(api.getScorecard).not.toHaveBeenCalled();
    for (const text of [
      'Tier 0/Tier 1 services with SLOs: 9/10',
      'Tier 0/Tier 1 services with on-call: 10/10',
      'Services with SLOs: 26/32',
      'Out of budget: 2',
      'Burning fast: 1',
      'SLOs meeting target: 38/40',
    ]) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
    for (const chart of ['Coverage', 'SLOs meeting target and readiness']) {
      expect(screen.getByRole('img', { name: chart })).toBeInTheDocument();
    }
    expect(
      screen.getByRole('img', { name: 'Budget status' }),
    ).toBeInTheDocument();

    fireEvent.mouseDown(screen.getByLabelText('Period'));
    fireEvent.click(screen.getByRole('option', { name: 'Last 4 weeks' }));
    await waitFor(() =>
      expect(api.getScorecardTrends).toHaveBeenLastCalledWith(28, {
        owners: ['group:default/payments'],
        tiers: [0, 1],
      }),
    );
    expect(urlParams().days).toBe('28');
  });

  it('switches tabs through the URL', async () => {
    const api = mockApi();
    await render(api);
    await screen.findByRole('table', { name: 'Entities' });
    fireEvent.click(screen.getByRole('tab', { name: 'Trends' }));
    expect(await screen.findByText('As of 2026-11-30')).toBeInTheDocument();
    expect(api.getScorecardTrends).toHaveBeenCalledWith(56, {
      owners: [],
      tiers: [],
    });
    expect(urlParams()).toEqual({ tab: 'trends' });
    expect(screen.getByRole('tab', { name: 'Trends' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Scorecard' }));
    await screen.findByRole('table', { name: 'Entities' });
    expect(urlParams()).toEqual({});
  });

  describe('weekly review', () => {
    const createObjectURL = jest.fn().mockReturnValue('blob:agenda');
    beforeEach(() => {
      jest
        .spyOn(Date, 'now')
        .mockReturnValue(Date.parse('2026-11-27T09:00:00Z'));
      Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    });
    afterEach(() => jest.restoreAllMocks());

    it('shows the counts and the services in the order given', async () => {
      const api = mockApi();
      await render(api, '/reliability?tab=weekly&week=2026-W48');
      expect(
        await screen.findByText(
          'Out of budget: 0 · Burning fast: 2 · Burning slow: 1 · On track: 5 · In freeze: 1',
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText('No data: 3 · With breaches: 2 · Stale figures: 1'),
      ).toBeInTheDocument();
      expect(api.getWeeklyReview).toHaveBeenCalledWith('2026-W48');

      const rows = within(
        screen.getByRole('table', { name: 'Services' }),
      ).getAllByRole('row');
      expect(
        rows.slice(1).map(row =>
          within(row)
            .getAllByRole('cell')
            .map(cell => cell.textContent),
        ),
      ).toEqual([
        [
          'Checkout',
          'Burning fast',
          'Tier 1',
          'payments',
          '-38.89%',
          '▼ 12 pts',
          '2',
          'In freeze',
          'Stale · 3 hours ago',
        ],
        [
          'search',
          'Burning fast',
          'Tier 2',
          'discovery',
          '35%',
          '▲ 4.5 pts',
          '1',
          '—',
          'Current',
        ],
        ['ledger', 'On track', 'Tier 0', '—', '82%', '—', '0', '—', 'Current'],
      ]);
      expect(within(rows[1]).getByText('Checkout')).toHaveAttribute(
        'title',
        'Checkout',
      );
      expect(screen.getByTitle(/^Stale: /)).toHaveAttribute(
        'title',
        'Stale: measured 3 hours ago; the last evaluation failed',
      );

      const decisions = within(
        screen.getByRole('list', { name: 'Readiness decisions' }),
      );
      expect(decisions.getByRole('link', { name: 'payouts' })).toHaveAttribute(
        'href',
        '/catalog/default/component/payouts',
      );
      expect(
        decisions.getByText(withText('payouts — Blocked by ana — 1 day ago')),
      ).toBeInTheDocument();
      expect(decisions.getByRole('link', { name: 'ana' })).toHaveAttribute(
        'href',
        '/catalog/default/user/ana',
      );
      expect(decisions.getByText('No rollback plan')).toBeInTheDocument();
    });

    it('asks for this week without a week in the URL, and steps to the previous one', async () => {
      const api = mockApi();
      api.getWeeklyReview.mockImplementation(async week =>
        week === '2026-W47'
          ? {
              ...week48,
              week: '2026-W47',
              start: '2026-11-16',
              end: '2026-11-22',
            }
          : week48,
      );
      await render(api, '/reliability?tab=weekly');
      await screen.findByRole('table', { name: 'Services' });
      expect(api.getWeeklyReview).toHaveBeenCalledWith(undefined);
      expect(screen.getByLabelText('Week')).toHaveValue('2026-W48');
      expect(screen.getByRole('button', { name: 'Next week' })).toBeDisabled();

      fireEvent.click(screen.getByRole('button', { name: 'Previous week' }));
      await waitFor(() =>
        expect(screen.getByLabelText('Week')).toHaveValue('2026-W47'),
      );
      expect(api.getWeeklyReview).toHaveBeenLastCalledWith('2026-W47');
      expect(urlParams()).toEqual({ tab: 'weekly', week: '2026-W47' });
      expect(screen.getByText('2026-11-16 – 2026-11-22')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Next week' })).toBeEnabled();
    });

    it('prints the agenda alone and exports it as Markdown and JSON', async () => {
      const print = jest.spyOn(window, 'print').mockImplementation(() => {});
      const downloads: string[] = [];
      const click = jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(function save(this: HTMLAnchorElement) {
          downloads.push(this.download);
        });
      const api = mockApi();
      await render(api, '/reliability?tab=weekly');
      await screen.findByRole('table', { name: 'Services' });

      fireEvent.click(screen.getByRole('button', { name: 'Print agenda' }));
      expect(print).toHaveBeenCalledTimes(1);

      // Printing shows the agenda alone: the app's chrome and the buttons are hidden.
      const printRules = Array.from(document.querySelectorAll('style'))
        .map(style => style.textContent ?? '')
        .filter(css => css.includes('@media print'))
        .join('\n');
      expect(printRules).toMatch(/body \* \{\s*visibility: hidden;/);
      expect(printRules).toMatch(
        /\[data-print-agenda\], \[data-print-agenda\] \* \{\s*visibility: visible;/,
      );
      expect(
        screen
          .getByRole('table', { name: 'Services' })
          .closest('[data-print-agenda]'),
      ).not.toBeNull();
      expect(
        screen
          .getByRole('button', { name: 'Print agenda' })
          .closest('[data-print-agenda] > *'),
      ).toHaveClass(/screenOnly/);
      expect(printRules).toMatch(
        /nav, header, \.MuiTabs-root, \.MuiButtonBase-root, \.MuiButton-root \{\s*display: none !important;/,
      );

      fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
      fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
      expect(click).toHaveBeenCalledTimes(2);
      expect(downloads).toEqual([
        'weekly-reliability-review-2026-W48.md',
        'weekly-reliability-review-2026-W48.json',
      ]);
      const [markdown, json]: Blob[] = createObjectURL.mock.calls.map(
        ([blob]) => blob,
      );
      expect(markdown.type).toBe('text/markdown');
      const lines = (await markdown.text()).split('\n');
      expect(lines.slice(0, 3)).toEqual([
        '# Weekly reliability review 2026-W48',
        '',
        '2026-11-23 – 2026-11-29',
      ]);
      expect(lines).toContain(
        '| Checkout | Burning fast | Tier 1 | group:default/payments | -38.89% | ▼ 12 pts | 2 | In freeze | Stale |',
      );
      expect(JSON.parse(await json.text())).toEqual(week48);
    });
  });
});
