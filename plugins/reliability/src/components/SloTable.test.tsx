import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { SloDefinition } from '@reliability-suite/plugin-reliability-common';
import { SloTable } from './SloTable';
import { completeProfile } from './testProfiles';

const availability = completeProfile.slos[0];
const latency: SloDefinition = {
  ...availability,
  name: 'checkout-latency',
  displayName: undefined,
  runbook: 'https://runbooks.example.com/checkout-latency',
  indicator: {
    metric: {
      type: 'threshold',
      query: { query: 'histogram_quantile(0.99, rate(x[5m]))' },
    },
  },
  objectives: [{ target: 0.99 }],
  timeWindow: { type: 'rolling', duration: '28d', durationMs: 2419200000 },
  budgetingMethod: 'Timeslices',
  source: { format: 'openslo', file: 'slo/latency.yaml', line: 12 },
};

describe('SloTable', () => {
  const env = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = env;
    jest.restoreAllMocks();
  });

  it('shows each SLO in a row of five columns, its runbook with its name', async () => {
    // material-table checks the rows' ids in development only.
    process.env.NODE_ENV = 'development';
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    await renderInTestApp(<SloTable slos={[availability, latency]} />);

    expect(screen.getByText('SLOs (2)')).toBeInTheDocument();
    expect(
      screen.getAllByRole('columnheader').map(header => header.textContent),
    ).toEqual(['SLO', 'Objective', 'Window', 'Indicator', 'Defined in']);
    const cells = (name: string) =>
      within(screen.getByText(name).closest('tr')!)
        .getAllByRole('cell')
        .map(cell => cell.textContent);
    expect(cells('Checkout availability')).toEqual([
      'Checkout availabilitycheckout-availability',
      '99.9%',
      '30d rollingOccurrences budgeting',
      'good: http_requests_total{job="checkout",code!~"5.."} / total: http_requests_total{job="checkout"}',
      'slo/checkout-availability.yaml:1',
    ]);
    expect(cells('checkout-latency')).toEqual([
      'checkout-latencyrunbook, Opens in a new window',
      '99%',
      '28d rollingTimeslices budgeting',
      'threshold: histogram_quantile(0.99, rate(x[5m]))',
      'slo/latency.yaml:12',
    ]);
    expect(screen.getByRole('link', { name: /^runbook/ })).toHaveAttribute(
      'href',
      'https://runbooks.example.com/checkout-latency',
    );
    expect(
      warn.mock.calls.filter(([message]) => String(message).includes('id')),
    ).toEqual([]);
  });

  it('says when no SLO is defined, and when none was read yet', async () => {
    const { rerender } = await renderInTestApp(<SloTable slos={[]} />);
    expect(screen.getByText('SLOs (0)')).toBeInTheDocument();
    expect(screen.getByText('No SLOs defined')).toBeInTheDocument();
    rerender(<SloTable slos={[]} pending />);
    expect(screen.getByText('SLOs (pending)')).toBeInTheDocument();
    expect(
      screen.getByText('SLO definitions not read yet'),
    ).toBeInTheDocument();
  });
});
