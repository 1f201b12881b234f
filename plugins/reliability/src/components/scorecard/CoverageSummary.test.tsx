import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { CoverageSummary } from './CoverageSummary';
import { orgTotals, rollup } from './testScorecard';

const cards = () =>
  within(screen.getByRole('list', { name: 'Coverage' })).getAllByRole('link');

/** Each card as its text and the query string it links to. */
const linked = () =>
  cards().map(card => [
    card.textContent,
    decodeURIComponent(card.getAttribute('href')!.replace(/^[^?]*/, '')),
  ]);

describe('CoverageSummary', () => {
  it('counts services and SLOs meeting target, each card a link to the list it counts', async () => {
    await renderInTestApp(<CoverageSummary totals={orgTotals} />);
    expect(linked()).toEqual([
      [
        'Tier 0/Tier 1 services with SLOs: 40/4883%',
        '?kind=component&type=service&tier=0,1',
      ],
      [
        'Tier 0/Tier 1 services with on-call: 47/4898%',
        '?kind=component&type=service&tier=0,1',
      ],
      ['Services with SLOs: 170/24071%', '?kind=component&type=service'],
      ['Services with runbooks: 110/24046%', '?kind=component&type=service'],
      ['Out of budget: 7', '?budgetStatus=out_of_budget'],
      ['Burning fast: 3', '?budgetStatus=burning_fast'],
      ['Burning slow: 5', '?budgetStatus=burning_slow'],
      ['SLOs meeting target: 412/43096%', '?sort=attainment'],
    ]);
    expect(cards().map(card => card.getAttribute('title'))).toEqual([
      'Show the 48 Tier 0/Tier 1 services',
      'Show the 48 Tier 0/Tier 1 services',
      'Show the 240 services',
      'Show the 240 services',
      'Show the 7 entities out of budget',
      'Show the 3 entities burning fast',
      'Show the 5 entities burning slow',
      'Show the entities, fewest SLOs meeting target first',
    ]);
  });

  it('links within the view’s filters, keeping only the critical tiers it filters on', async () => {
    await renderInTestApp(
      <CoverageSummary
        totals={orgTotals}
        filter={{ owners: ['group:default/payments'], tiers: [1, 2] }}
      />,
    );
    expect(linked().slice(0, 5)).toEqual([
      [
        'Tier 0/Tier 1 services with SLOs: 40/4883%',
        '?kind=component&type=service&tier=1&owner=group:default/payments',
      ],
      [
        'Tier 0/Tier 1 services with on-call: 47/4898%',
        '?kind=component&type=service&tier=1&owner=group:default/payments',
      ],
      [
        'Services with SLOs: 170/24071%',
        '?kind=component&type=service&tier=1,2&owner=group:default/payments',
      ],
      [
        'Services with runbooks: 110/24046%',
        '?kind=component&type=service&tier=1,2&owner=group:default/payments',
      ],
      [
        'Out of budget: 7',
        '?tier=1,2&owner=group:default/payments&budgetStatus=out_of_budget',
      ],
    ]);
  });

  it('says when no SLO was measured, and shows no share of nothing', async () => {
    await renderInTestApp(<CoverageSummary totals={rollup({})} />);
    expect(cards().map(card => card.textContent)).toEqual([
      'Tier 0/Tier 1 services with SLOs: 0/0',
      'Tier 0/Tier 1 services with on-call: 0/0',
      'Services with SLOs: 0/0',
      'Services with runbooks: 0/0',
      'Out of budget: 0',
      'Burning fast: 0',
      'Burning slow: 0',
      'SLOs meeting target: none measured',
    ]);
  });
});
