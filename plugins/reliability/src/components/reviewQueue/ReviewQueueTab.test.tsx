import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { Review } from '@reliability-suite/plugin-reliability-common';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { ScorecardPage } from '../scorecard/ScorecardPage';
import { mockReliabilityApi } from '../testApi';

const DAY_MS = 86_400_000;
/** When the page is shown: 2026-12-01 12:00 UTC. */
const now = Date.UTC(2026, 11, 1, 12);

const checkoutReview: Review = {
  id: 7,
  entityRef: 'component:default/checkout',
  state: 'in_review',
  targetDate: '2026-12-15',
  reviewers: ['group:default/sre', 'user:default/alice'],
  createdBy: 'user:default/bob',
  createdAt: now - 3 * DAY_MS - 3_600_000,
  version: 2,
};

const ledgerReview: Review = {
  id: 9,
  entityRef: 'api:finance/ledger-api',
  state: 'draft',
  targetDate: '2026-11-28',
  reviewers: ['group:default/sre'],
  createdBy: 'user:default/carol',
  createdAt: now - 5 * 3_600_000,
  version: 1,
};

const searchApi = () =>
  mockReliabilityApi({
    getOpenReviews: jest.fn().mockResolvedValue([checkoutReview, ledgerReview]),
  });

function LocationProbe() {
  return <output data-testid="location">{useLocation().search}</output>;
}

const urlParams = () =>
  Object.fromEntries(
    new URLSearchParams(screen.getByTestId('location').textContent ?? ''),
  );

async function render(
  api: ReturnType<typeof mockReliabilityApi>,
  url = '/reliability?tab=reviews',
) {
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

const queueTable = () =>
  screen.findByRole('table', { name: 'Open launch reviews' });

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map(cell => cell.textContent);

const lastFilter = (api: ReturnType<typeof mockReliabilityApi>) =>
  api.getOpenReviews.mock.calls[api.getOpenReviews.mock.calls.length - 1][0];

// Full MUI pages with menus are slow in jsdom, the more so when suites run in parallel.
jest.setTimeout(30_000);

describe('Launch reviews tab', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now));
  afterEach(() => jest.restoreAllMocks());

  it('lists the open reviews with state, reviewers, target date and age', async () => {
    const api = searchApi();
    await render(api);
    const table = await queueTable();
    expect(screen.getByRole('tab', { name: 'Launch reviews' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByText('2 open launch reviews')).toBeInTheDocument();
    expect(api.getOpenReviews).toHaveBeenCalledTimes(1);
    expect(lastFilter(api)).toEqual({
      state: undefined,
      reviewer: undefined,
      dueBefore: undefined,
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual(['Entity', 'State', 'Reviewers', 'Target date', 'Opened']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(cellsOf)).toEqual([
      [
        'checkout',
        'In review',
        'sre, user:alice',
        'in 14 days',
        '3 days ago by bob',
      ],
      [
        'api:finance/ledger-api',
        'Draft',
        'sre',
        '3 days ago (overdue)',
        '5 hours ago by carol',
      ],
    ]);
    expect(within(table).getByText('in 14 days')).toHaveAttribute(
      'title',
      '2026-12-15',
    );
    expect(
      within(table).getByText('3 days ago', {
        selector: '[datetime="2026-11-28"]',
      }),
    ).toHaveAttribute('title', '2026-11-28');
    expect(within(table).getByRole('link', { name: 'bob' })).toHaveAttribute(
      'href',
      '/catalog/default/user/bob',
    );
  });

  it('links each entity to its Readiness tab', async () => {
    await render(searchApi());
    const table = await queueTable();
    expect(
      within(table).getByRole('link', { name: 'checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout/readiness');
    expect(
      within(table).getByRole('link', { name: 'api:finance/ledger-api' }),
    ).toHaveAttribute('href', '/catalog/finance/api/ledger-api/readiness');
    // A long name is cut with an ellipsis; its tooltip holds the whole reference.
    expect(within(table).getByText('checkout')).toHaveAttribute(
      'title',
      'component:default/checkout',
    );
  });

  it('asks the API again with each filter and keeps the filters in the URL', async () => {
    const api = searchApi();
    await render(api);
    await queueTable();

    fireEvent.mouseDown(screen.getByLabelText('State'));
    const listbox = screen.getByRole('listbox');
    fireEvent.click(within(listbox).getByRole('option', { name: 'In review' }));
    await waitFor(() =>
      expect(lastFilter(api)).toEqual({
        state: 'in_review',
        reviewer: undefined,
        dueBefore: undefined,
      }),
    );

    fireEvent.change(screen.getByLabelText('Reviewer group'), {
      target: { value: 'SRE' },
    });
    await waitFor(() =>
      expect(lastFilter(api)).toEqual({
        state: 'in_review',
        reviewer: 'group:default/sre',
        dueBefore: undefined,
      }),
    );

    fireEvent.change(screen.getByLabelText('Due before'), {
      target: { value: '2026-12-20' },
    });
    await waitFor(() =>
      expect(lastFilter(api)).toEqual({
        state: 'in_review',
        reviewer: 'group:default/sre',
        dueBefore: '2026-12-20',
      }),
    );
    expect(urlParams()).toEqual({
      tab: 'reviews',
      state: 'in_review',
      reviewer: 'group:default/sre',
      due_before: '2026-12-20',
    });
    expect(api.getOpenReviews).toHaveBeenCalledTimes(4);

    fireEvent.click(screen.getByLabelText('Waiting for me or my groups'));
    await waitFor(() =>
      expect(lastFilter(api)).toEqual({
        state: 'in_review',
        reviewer: 'me',
        dueBefore: '2026-12-20',
      }),
    );
    expect(screen.getByLabelText('Reviewer group')).toBeDisabled();
    expect(screen.getByLabelText('Reviewer group')).toHaveValue('');
    expect(urlParams().reviewer).toBe('me');
    fireEvent.click(screen.getByLabelText('Waiting for me or my groups'));
    await waitFor(() =>
      expect(lastFilter(api)).toEqual({
        state: 'in_review',
        reviewer: undefined,
        dueBefore: '2026-12-20',
      }),
    );
    expect(screen.getByLabelText('Reviewer group')).toBeEnabled();
  });

  it('opens a link with its filters shown and asked for', async () => {
    const api = searchApi();
    await render(
      api,
      '/reliability?tab=reviews&state=draft&reviewer=group:default/sre&due_before=2027-01-15',
    );
    await queueTable();
    expect(lastFilter(api)).toEqual({
      state: 'draft',
      reviewer: 'group:default/sre',
      dueBefore: '2027-01-15',
    });
    expect(screen.getByLabelText('Reviewer group')).toHaveValue('sre');
    expect(screen.getByLabelText('Due before')).toHaveValue('2027-01-15');
    expect(screen.getByLabelText('State')).toHaveTextContent('Draft');

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(urlParams()).toEqual({ tab: 'reviews' }));
    await waitFor(() =>
      expect(lastFilter(api)).toEqual({
        state: undefined,
        reviewer: undefined,
        dueBefore: undefined,
      }),
    );
  });

  it('says when no review is open, and when none matches the filters', async () => {
    const api = mockReliabilityApi({
      getOpenReviews: jest.fn().mockResolvedValue([]),
    });
    await render(api);
    expect(
      await screen.findByText(
        'No launch reviews are waiting: none is in draft or in review',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Due before'), {
      target: { value: '2026-12-20' },
    });
    expect(
      await screen.findByText('No open launch reviews match these filters'),
    ).toBeInTheDocument();
  });
});
