import { screen, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  EntityAlerts,
  SloDefinition,
} from '@reliability-suite/plugin-reliability-common';
import { reliabilityApiRef } from '../api/ReliabilityApi';
import { DeployedAlerts } from './DeployedAlerts';
import { mockReliabilityApi } from './testApi';
import { checkoutEntity } from './testProfiles';

const slo = (name: string, displayName?: string): SloDefinition => ({
  name,
  displayName,
  indicator: {
    metric: {
      type: 'ratio',
      counter: true,
      good: { query: 'ok_total' },
      total: { query: 'all_total' },
    },
  },
  objectives: [{ target: 0.99 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * 86_400_000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'inline', file: 'catalog-info.yaml' },
});

const alerts: EntityAlerts = {
  entityRef: 'component:default/checkout',
  orphanRuleGroups: [],
  slos: [
    {
      sloName: 'availability',
      source: 'prometheus',
      status: 'deployed',
      findings: [],
      summary: 'Alerts deployed',
      auditedAt: Date.parse('2026-12-01T06:00:00Z'),
    },
    {
      sloName: 'errors',
      source: 'prometheus',
      status: 'out-of-date',
      findings: ['out of date: threshold 0.999 deployed, 0.99 defined'],
      summary: 'out of date: threshold 0.999 deployed, 0.99 defined',
      auditedAt: Date.parse('2026-12-01T06:00:00Z'),
    },
    {
      sloName: 'latency',
      source: 'prometheus',
      status: 'missing',
      findings: ['missing: SLOErrorBudgetBurnFast 1h/5m'],
      summary: 'missing: SLOErrorBudgetBurnFast 1h/5m',
      auditedAt: Date.parse('2026-12-01T06:00:00Z'),
    },
  ],
};

async function render(getAlerts: jest.Mock) {
  const api = mockReliabilityApi({ getAlerts });
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={checkoutEntity}>
        <DeployedAlerts
          slos={[
            slo('availability', 'Availability'),
            slo('errors'),
            slo('latency'),
            slo('queue'),
          ]}
        />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

describe('DeployedAlerts', () => {
  it('shows a line per SLO: deployed, missing, out of date or not audited yet', async () => {
    const api = await render(jest.fn().mockResolvedValue(alerts));
    const list = await screen.findByRole('list', { name: 'Deployed alerts' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(item => item.textContent?.replace(/ \(rules on.*\)$/, '')),
    ).toEqual([
      'Availability: Alerts deployed',
      'errors: out of date: threshold 0.999 deployed, 0.99 defined',
      'latency: missing: SLOErrorBudgetBurnFast 1h/5m',
      'queue: Not audited yet',
    ]);
    expect(api.getAlerts).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
  });

  it('names the rules still deployed for SLOs no longer defined', async () => {
    await render(
      jest.fn().mockResolvedValue({
        ...alerts,
        orphanRuleGroups: [
          'slo:component:default/checkout:old',
          'slo:component:default/checkout:old:window',
        ],
      }),
    );
    expect(
      await screen.findByText(
        'Rules still deployed for SLOs no longer defined (remove them from Prometheus): slo:component:default/checkout:old, slo:component:default/checkout:old:window',
      ),
    ).toBeInTheDocument();
  });

  it('says when the audit cannot be loaded', async () => {
    await render(jest.fn().mockRejectedValue(new Error('503 unavailable')));
    expect(
      await screen.findByText(
        'The deployed alerts could not be loaded: 503 unavailable',
      ),
    ).toBeInTheDocument();
  });
});
