import { screen, within } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { MissingItems } from './MissingItems';
import { ProfileFacts } from './ProfileFacts';
import { mockReliabilityApi } from './testApi';
import { completeProfile } from './testProfiles';

const staleMessage =
  'Runbook "Checkout database runbook" last reviewed 2026-03-01, over 180 days ago (Tier 1 reviews runbooks every 180 days)';

const profile = {
  ...completeProfile,
  runbooks: [
    {
      title: 'Checkout runbook',
      url: 'https://runbooks.example.com/checkout',
      lastReviewed: '2026-10-01',
      reviewDue: '2027-03-30',
      stale: false,
    },
    {
      title: 'Checkout database runbook',
      url: 'https://runbooks.example.com/checkout-db',
      lastReviewed: '2026-03-01',
      reviewDue: '2026-08-28',
      stale: true,
    },
  ],
  missing: [
    { requirement: 'runbooksReviewed' as const, message: staleMessage },
  ],
};

describe('a profile with a stale runbook', () => {
  it('shows each runbook with its review date and marks the overdue one', async () => {
    await renderInTestApp(<ProfileFacts profile={profile} />);
    const items = screen.getAllByRole('listitem').slice(0, 2);
    expect(items.map(item => item.textContent)).toEqual([
      'Checkout runbook, Opens in a new window reviewed 2026-10-01',
      'Checkout database runbook, Opens in a new window reviewed 2026-03-01 Review overdue since 2026-08-28',
    ]);
    expect(
      within(items[1]).getByRole('link', {
        name: /^Checkout database runbook/,
      }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/checkout-db');
    expect(within(items[0]).queryByText(/Review overdue/)).toBeNull();
  });

  it('lists the stale runbook among what the tier requires', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, mockReliabilityApi()]]}>
        <MissingItems profile={profile} />
      </TestApiProvider>,
    );
    expect(await screen.findByText(staleMessage)).toBeInTheDocument();
  });
});
