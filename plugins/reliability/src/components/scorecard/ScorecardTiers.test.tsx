import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  DEFAULT_TIERS,
  TierDefinition,
} from '@reliability-suite/plugin-reliability-common';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { mockReliabilityApi } from '../testApi';
import { ScorecardPage } from './ScorecardPage';
import { byTier, firstPage, trendDays, week48 } from './testScorecard';

/** Five configured tiers with names of their own; only Platinum is critical. */
const FIVE_TIERS: TierDefinition[] = [
  'Platinum',
  'Gold',
  'Silver',
  'Bronze',
  'Lab',
].map((name, level) => ({
  ...DEFAULT_TIERS[Math.min(level, 3)],
  level,
  name,
  description: `${name} services`,
  critical: level === 0,
}));

function mockApi() {
  return mockReliabilityApi({
    getTiers: jest.fn().mockResolvedValue(FIVE_TIERS),
    getScorecard: jest.fn().mockResolvedValue(firstPage),
    getScorecardRollups: jest.fn().mockResolvedValue(byTier),
    getScorecardTrends: jest.fn().mockResolvedValue(trendDays),
    getWeeklyReview: jest.fn().mockResolvedValue(week48),
  });
}

async function render(
  api: ReturnType<typeof mockApi>,
  url = '/reliability?by=tier',
) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <ScorecardPage />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);

jest.setTimeout(30_000);

describe('ScorecardPage with five configured tiers', () => {
  it('offers the five configured tiers in the filter and labels tiers and critical figures with their names', async () => {
    const api = mockApi();
    await render(api);
    const entities = await screen.findByRole('table', { name: 'Entities' });

    fireEvent.mouseDown(screen.getByLabelText('Tier'));
    const listbox = screen.getByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['Platinum', 'Gold', 'Silver', 'Bronze', 'Lab']);
    fireEvent.click(within(listbox).getByRole('option', { name: 'Lab' }));
    fireEvent.keyDown(listbox, { key: 'Escape' });
    await waitFor(() =>
      expect(document.querySelector('[role="listbox"]')).toBeNull(),
    );
    await waitFor(() =>
      expect(
        api.getScorecard.mock.calls[api.getScorecard.mock.calls.length - 1][0]
          .filter,
      ).toEqual({ tiers: [4] }),
    );
    expect(screen.getByLabelText('Tier')).toHaveTextContent('Lab');

    const coverage = within(screen.getByRole('list', { name: 'Coverage' }));
    expect(
      coverage.getByText('Platinum services with SLOs: 40/48'),
    ).toBeInTheDocument();
    expect(
      coverage.getByText('Platinum services with on-call: 47/48'),
    ).toBeInTheDocument();
    // The view shows Lab only: no filter lists its Platinum services, so these cards link nowhere.
    expect(
      coverage.getByText('Platinum services with SLOs: 40/48').closest('a'),
    ).toBeNull();
    expect(
      coverage.getByText('Services with SLOs: 170/240').closest('a'),
    ).toHaveAttribute(
      'href',
      '/reliability?kind=component&type=service&tier=4',
    );

    const rollup = screen.getByRole('table', { name: 'Rollup by tier' });
    expect(
      within(rollup)
        .getAllByRole('columnheader')
        .map(header => header.textContent)
        .slice(0, 4),
    ).toEqual(['Tier', 'Entities', 'With SLOs', 'Platinum with SLOs']);
    expect(
      within(rollup)
        .getAllByRole('row')
        .slice(1)
        .map(row => cells(row).slice(0, 1)),
    ).toEqual([['Gold'], ['Platinum']]);

    expect(
      within(entities)
        .getAllByRole('row')
        .slice(1)
        .map(row => cells(row).slice(0, 2)),
    ).toEqual([
      ['Checkout', 'Gold'],
      ['ledger', 'Platinum'],
    ]);
  });

  it('keeps a configured fifth tier from a link and drops a level that is not configured', async () => {
    const api = mockApi();
    await render(api, '/reliability?tier=4,5,9');
    await screen.findByRole('table', { name: 'Entities' });
    expect(api.getScorecard).toHaveBeenCalledTimes(1);
    expect(api.getScorecard.mock.calls[0][0].filter).toEqual({ tiers: [4] });
    expect(screen.getByLabelText('Tier')).toHaveTextContent('Lab');
  });

  it('labels the weekly review’s tiers with their names', async () => {
    const api = mockApi();
    await render(api, '/reliability?tab=weekly&week=2026-W48');
    const services = await screen.findByRole('table', { name: 'Services' });
    expect(
      within(services)
        .getAllByRole('row')
        .slice(1)
        .map(row => cells(row).slice(0, 3)),
    ).toEqual([
      ['Checkout', 'Burning fast', 'Gold'],
      ['search', 'Burning fast', 'Silver'],
      ['ledger', 'On track', 'Platinum'],
    ]);
  });

  it('says so when the tiers cannot be read', async () => {
    const api = mockApi();
    api.getTiers.mockRejectedValue(new Error('tiers unavailable'));
    await render(api);
    expect(
      await screen.findByText('Error: tiers unavailable'),
    ).toBeInTheDocument();
    expect(api.getScorecard).not.toHaveBeenCalled();
  });
});
