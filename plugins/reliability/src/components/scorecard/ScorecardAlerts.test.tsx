import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import {
  parseScorecardQuery,
  scorecardFilterParams,
} from '../../api/scorecardParams';
import { mockReliabilityApi } from '../testApi';
import { ScorecardPage } from './ScorecardPage';
import { byOwner, byTier, firstPage, trendDays, week48 } from './testScorecard';

jest.setTimeout(30_000);

const [checkoutRow, ledgerRow] = firstPage.rows;

function mockApi() {
  return mockReliabilityApi({
    getScorecard: jest.fn().mockResolvedValue({
      ...firstPage,
      rows: [
        { ...checkoutRow, alertsNotDeployed: 2 },
        { ...ledgerRow, alertsNotDeployed: undefined },
        {
          ...ledgerRow,
          entityRef: 'component:default/cart',
          name: 'cart',
          title: 'Cart',
          alertsNotDeployed: 0,
        },
      ],
    }),
    getScorecardRollups: jest
      .fn()
      .mockImplementation(async by => (by === 'tier' ? byTier : byOwner)),
    getScorecardTrends: jest.fn().mockResolvedValue(trendDays),
    getWeeklyReview: jest.fn().mockResolvedValue(week48),
    exportScorecard: jest.fn().mockResolvedValue(undefined),
  });
}

function LocationProbe() {
  return <output data-testid="location">{useLocation().search}</output>;
}

const urlParams = () =>
  Object.fromEntries(
    new URLSearchParams(screen.getByTestId('location').textContent ?? ''),
  );

async function render(api: ReturnType<typeof mockApi>, url = '/reliability') {
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

const lastFilter = (api: ReturnType<typeof mockApi>) =>
  api.getScorecard.mock.calls[api.getScorecard.mock.calls.length - 1][0].filter;

describe('the scorecard alerts column and filter', () => {
  it('shows whether each entity’s alerts are deployed', async () => {
    await render(mockApi());
    const table = await screen.findByRole('table', { name: 'Entities' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    const column = headers.indexOf('Alerts');
    expect(column).toBeGreaterThan(-1);
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[column].textContent);
    expect(cells).toEqual([
      '2 SLOs not deployed / out of date',
      '—',
      'Deployed',
    ]);
  });

  it('asks for entities with alerts not deployed while the box is checked, and says so in the URL', async () => {
    const api = mockApi();
    await render(api);
    await screen.findByRole('table', { name: 'Entities' });
    const box = screen.getByRole('checkbox', {
      name: 'Alerts not deployed / out of date',
    });
    fireEvent.click(box);
    await waitFor(() =>
      expect(lastFilter(api)).toEqual({ alertsNotDeployed: true }),
    );
    expect(urlParams()).toEqual({ alerts: 'not-deployed' });
    fireEvent.click(box);
    await waitFor(() => expect(lastFilter(api)).toEqual({}));
    expect(urlParams()).toEqual({});
  });

  it('opens a link to them with the box checked', async () => {
    const api = mockApi();
    await render(api, '/reliability?alerts=not-deployed');
    await screen.findByRole('table', { name: 'Entities' });
    expect(lastFilter(api)).toEqual({ alertsNotDeployed: true });
    expect(
      screen.getByRole('checkbox', {
        name: 'Alerts not deployed / out of date',
      }),
    ).toBeChecked();
  });
});

describe('the alerts query parameter', () => {
  it.each([
    ['alerts=not-deployed', { alertsNotDeployed: true }, 'alerts=not-deployed'],
    ['alerts=deployed', { alertsNotDeployed: false }, 'alerts=deployed'],
    ['alerts=maybe', {}, ''],
  ])('%s reads as %j and is written back as %j', (search, filter, written) => {
    const query = parseScorecardQuery(new URLSearchParams(search));
    expect(query.filter).toEqual(filter);
    expect(scorecardFilterParams(query.filter).toString()).toBe(written);
  });
});
