import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import {
  ScorecardFilter,
  ScorecardPage,
  ScorecardRollupDimension,
  ScorecardRow,
} from '@reliability-suite/plugin-reliability-common';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { ScorecardRollups } from '../../api/ReliabilityApi';
import { rollup } from '../scorecard/testScorecard';
import { mockReliabilityApi } from '../testApi';
import { PartsRollupContent } from './PartsRollupContent';

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments-platform', title: 'Payments platform' },
  spec: { owner: 'group:default/payments', domain: 'commerce' },
};
const domain: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name: 'commerce' },
  spec: { owner: 'group:default/payments' },
};

const part = (name: string, change: Partial<ScorecardRow>): ScorecardRow => ({
  entityRef: `component:default/${name}`,
  kind: 'Component',
  type: 'service',
  namespace: 'default',
  name,
  system: 'system:default/payments-platform',
  runbookCount: 1,
  sloCount: 0,
  slosMeetingTarget: 0,
  slosMeasured: 0,
  budgetStatus: 'no_data',
  policyState: 'nodata',
  missing: [],
  updatedAt: 0,
  degraded: false,
  ...change,
});

const checkout = part('checkout', {
  title: 'Checkout',
  tier: 1,
  sloCount: 2,
  slosMeetingTarget: 1,
  slosMeasured: 2,
  budgetRemaining: -0.3889,
  budgetStatus: 'out_of_budget',
  readinessScore: 0.75,
});
const ledger = part('ledger', {
  tier: 0,
  sloCount: 3,
  slosMeetingTarget: 3,
  slosMeasured: 3,
  budgetRemaining: 0.82,
  budgetStatus: 'on_track',
  readinessScore: 1,
});
const paymentsApi = part('payments-api', {
  entityRef: 'api:default/payments-api',
  kind: 'API',
  type: 'openapi',
  tier: 1,
});

const totals = rollup({
  entities: 3,
  critical: 3,
  outOfBudget: 1,
  onTrack: 1,
  noData: 1,
  services: {
    total: 2,
    withSlos: 2,
    withOnCall: 2,
    withRunbooks: 2,
    critical: 2,
    criticalWithSlos: 2,
    criticalWithOnCall: 2,
  },
  slosMeetingTarget: 4,
  slosMeasured: 5,
  budgetRemaining: -0.3889,
  readinessScore: 0.875,
});

const byTier: ScorecardRollups = {
  by: 'tier',
  // As the backend orders them, tier 0 first; the client orders them again.
  groups: [
    rollup({ key: '1', entities: 2 }),
    rollup({ entities: 1 }),
    rollup({ key: '0', entities: 1 }),
  ],
  totals,
};

const page = (
  rows: ScorecardRow[],
  totalCount = rows.length,
): ScorecardPage => ({
  rows,
  totalCount,
  page: 1,
  pageSize: 100,
});

async function render(entity: Entity, api = mockApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={entity}>
        <PartsRollupContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

function mockApi() {
  return mockReliabilityApi({
    getScorecardRollups: jest.fn(
      async (by: ScorecardRollupDimension, _filter: ScorecardFilter) =>
        by === 'tier'
          ? byTier
          : {
              by,
              groups: [
                rollup({ entities: 1, noData: 1 }),
                { ...totals, key: 'system:default/payments-platform' },
              ],
              totals,
            },
    ),
    getScorecard: jest.fn(async query =>
      query.sort === 'budgetRemaining'
        ? page([checkout], 3)
        : page([checkout, ledger, paymentsApi]),
    ),
  });
}

/** The rollup's facts, as term and value. */
const facts = (name: string) => {
  const list = screen.getByLabelText(`Rollup of ${name}`);
  const terms = within(list).getAllByRole('term');
  const values = within(list).getAllByRole('definition');
  return terms.map((term, i) => [term.textContent, values[i].textContent]);
};

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map(row =>
      within(row)
        .queryAllByRole('cell')
        .map(cell => cell.textContent),
    )
    .filter(row => row.length > 0);

// Full MUI pages with tables are slow in jsdom, the more so when suites run in parallel.
jest.setTimeout(30_000);

describe('PartsRollupContent', () => {
  it('rolls up a system’s parts from the stored scorecard rows, instead of a tier of its own', async () => {
    const api = await render(system);
    expect(
      await screen.findByText('Reliability of Payments platform'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Rolled up from the 3 entities that are part of this system, as of their last evaluation',
      ),
    ).toBeInTheDocument();
    expect(facts('Payments platform')).toEqual([
      ['Entities', '3, of them 2 services'],
      ['Tiers', 'Tier 0: 1 · Tier 1: 2 · No tier: 1'],
      ['Services with SLOs', '2/2'],
      ['SLOs meeting target', '4/5'],
      ['Worst budget left', '-38.89% (Checkout)'],
      ['Mean readiness', '88%'],
      ['Budget status', 'out of budget: 1 · on track: 1 · no data: 1'],
    ]);
    expect(screen.queryByText('No tier set')).not.toBeInTheDocument();
    expect(cells(screen.getByRole('table', { name: 'Parts' }))).toEqual([
      [
        'Checkout',
        'Component',
        'service',
        'Tier 1',
        '1/2',
        '-38.89%',
        'Out of budget',
        '75%',
      ],
      [
        'ledger',
        'Component',
        'service',
        'Tier 0',
        '3/3',
        '82%',
        'On track',
        '100%',
      ],
      [
        'payments-api',
        'API',
        'openapi',
        'Tier 1',
        'none measured',
        '—',
        'No data',
        '—',
      ],
    ]);
    const filter = { systems: ['system:default/payments-platform'] };
    expect(api.getScorecardRollups).toHaveBeenCalledWith('tier', filter);
    expect(api.getScorecard).toHaveBeenCalledWith({
      filter,
      sort: 'budgetRemaining',
      order: 'asc',
      page: 1,
      pageSize: 1,
    });
    expect(api.getScorecard).toHaveBeenCalledWith({
      filter,
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: 100,
    });
    // Served from the projected rows: nothing of its own is loaded or evaluated.
    expect(api.getProfile).not.toHaveBeenCalled();
    expect(api.evaluateNow).not.toHaveBeenCalled();
  });

  it('says how many parts a large system has beyond those listed', async () => {
    const api = mockApi();
    api.getScorecard.mockImplementation(async query =>
      query.sort === 'budgetRemaining'
        ? page([checkout], 340)
        : page([checkout, ledger, paymentsApi], 340),
    );
    await render(system, api);
    expect(
      await screen.findByText('The first 100 of 340, by name'),
    ).toBeInTheDocument();
  });

  it('rolls up a domain by its systems, entities in no system last', async () => {
    const api = await render(domain);
    expect(
      await screen.findByText('Reliability of commerce'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Rolled up from the 3 entities that are part of this domain or of its systems, as of their last evaluation',
      ),
    ).toBeInTheDocument();
    expect(facts('commerce')[0]).toEqual(['Entities', '3, of them 2 services']);
    expect(cells(screen.getByRole('table', { name: 'Systems' }))).toEqual([
      ['payments-platform', '3', '2/2', '4/5', '-38.89%', '1', '88%'],
      ['In no system', '1', '0/0', 'none measured', '—', '0', '—'],
    ]);
    const filter = { domains: ['domain:default/commerce'] };
    expect(api.getScorecardRollups).toHaveBeenCalledWith('tier', filter);
    expect(api.getScorecardRollups).toHaveBeenCalledWith('system', filter);
    expect(
      screen.queryByRole('table', { name: 'Parts' }),
    ).not.toBeInTheDocument();
  });

  it('says where parts come from when a system has none on the scorecard', async () => {
    const api = mockApi();
    api.getScorecardRollups.mockResolvedValue({
      by: 'tier',
      groups: [],
      totals: rollup({}),
    });
    api.getScorecard.mockResolvedValue(page([]));
    await render(system, api);
    expect(
      await screen.findByText(
        'No entity of Payments platform is on the scorecard yet: components, APIs and resources name their system in spec.system. Entities appear after their first evaluation cycle.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend’s reason when the rollup cannot load', async () => {
    const api = mockApi();
    api.getScorecardRollups.mockRejectedValue(
      await ResponseError.fromResponse({
        status: 503,
        statusText: 'Service Unavailable',
        url: 'http://localhost/api/reliability/scorecard/rollups',
        headers: new Headers({ 'Content-Type': 'application/json' }),
        text: async () =>
          JSON.stringify({
            error: {
              name: 'ServiceUnavailableError',
              message: 'database is down',
            },
            request: {
              method: 'GET',
              url: '/api/reliability/scorecard/rollups',
            },
            response: { statusCode: 503 },
          }),
      } as Response),
    );
    await render(system, api);
    expect(
      await screen.findByText(
        'Error: Could not load the rollup of Payments platform',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/database is down/).length).toBeGreaterThan(0);
  });
});
