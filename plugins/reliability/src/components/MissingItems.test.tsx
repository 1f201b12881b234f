import { screen } from '@testing-library/react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { DEFAULT_TIERS } from '@reliability-suite/plugin-reliability-common';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { MissingItems } from './MissingItems';
import { mockReliabilityApi } from './testApi';
import { completeProfile } from './testProfiles';

const FIVE_TIERS = [0, 1, 2, 3, 4].map(level => ({
  ...DEFAULT_TIERS[Math.min(level, 3)],
  level,
  name: ['Platinum', 'Gold', 'Silver', 'Bronze', 'Lab'][level],
  critical: level === 0,
}));

async function renderWithoutTier(getTiers: jest.Mock) {
  await renderInTestApp(
    <TestApiProvider
      apis={[[reliabilityApiRef, mockReliabilityApi({ getTiers })]]}
    >
      <MissingItems profile={{ ...completeProfile, tier: undefined }} />
    </TestApiProvider>,
  );
}

describe('MissingItems without a tier', () => {
  it('names the configured levels, five of them', async () => {
    await renderWithoutTier(jest.fn().mockResolvedValue(FIVE_TIERS));
    expect(
      await screen.findByText(
        'No tier: set the reliability-suite.io/tier annotation to 0, 1, 2, 3 or 4 to see what is required',
      ),
    ).toBeInTheDocument();
  });

  it('still says what to set when the tiers cannot be read', async () => {
    await renderWithoutTier(jest.fn().mockRejectedValue(new Error('down')));
    expect(
      await screen.findByText(
        'No tier: set the reliability-suite.io/tier annotation to see what is required',
      ),
    ).toBeInTheDocument();
  });
});
