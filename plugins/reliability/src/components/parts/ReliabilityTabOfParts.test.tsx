import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { hasReliabilityProfile, hasReliabilityTab } from '../../entityFilter';
import { ReliabilityContent } from '../ReliabilityContent';
import { rollup } from '../scorecard/testScorecard';
import { mockReliabilityApi } from '../testApi';
import { incompleteProfile } from '../testProfiles';

const entity = (
  kind: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'payments-platform', annotations },
  spec: { owner: 'group:default/payments' },
});

async function render(shown: Entity) {
  const api = mockReliabilityApi({
    getProfile: jest.fn().mockResolvedValue({
      ...incompleteProfile,
      entityRef: 'system:default/payments-platform',
    }),
    getSlos: jest.fn().mockResolvedValue({
      entityRef: 'system:default/payments-platform',
      policyState: 'nodata',
      slos: [],
    }),
    getScorecardRollups: jest.fn().mockResolvedValue({
      by: 'tier',
      groups: [rollup({ key: '1', entities: 2 })],
      totals: rollup({ entities: 2 }),
    }),
    getScorecard: jest
      .fn()
      .mockResolvedValue({ rows: [], totalCount: 2, page: 1, pageSize: 100 }),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={shown}>
        <ReliabilityContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

jest.setTimeout(30_000);

describe('the Reliability tab of systems and domains', () => {
  it('rolls up a System without a profile of its own, never asking for a tier', async () => {
    const api = await render(entity('System'));
    expect(
      await screen.findByText('Reliability of payments-platform'),
    ).toBeInTheDocument();
    expect(api.getProfile).not.toHaveBeenCalled();
    expect(screen.queryByText(/^No tier/)).not.toBeInTheDocument();
  });

  it('rolls up a Domain', async () => {
    const api = await render(entity('Domain'));
    expect(
      await screen.findByText('Reliability of payments-platform'),
    ).toBeInTheDocument();
    expect(api.getScorecardRollups).toHaveBeenCalledWith('tier', {
      domains: ['domain:default/payments-platform'],
    });
    expect(api.getProfile).not.toHaveBeenCalled();
  });

  it('shows a System’s own profile below the rollup when it declares one', async () => {
    const api = await render(
      entity('System', { 'reliability-suite.io/tier': '1' }),
    );
    expect(
      await screen.findByText('Reliability of payments-platform'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Reliability profile')).toBeInTheDocument();
    expect(api.getProfile).toHaveBeenCalledWith({
      kind: 'System',
      namespace: 'default',
      name: 'payments-platform',
    });
  });

  it('is a tab of Domain pages too, though a Domain has no profile card', () => {
    expect(hasReliabilityTab({ kind: 'Domain' })).toBe(true);
    expect(hasReliabilityProfile({ kind: 'Domain' })).toBe(false);
    expect(hasReliabilityTab({ kind: 'Group' })).toBe(false);
  });
});
