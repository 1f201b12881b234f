import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { DEFAULT_ERROR_BUDGET_POLICY } from '@reliability-suite/plugin-reliability-common';
import { SloStatusCard } from './SloStatusCard';
import { completeProfile } from './testProfiles';
import { NOW, overspentFigures } from './testSlos';
import { withText } from './testText';

const definition = completeProfile.slos[0];
const render = (
  status: Parameters<typeof SloStatusCard>[0]['status'],
  definitionUnreadable?: boolean,
  freshness?: Parameters<typeof SloStatusCard>[0]['freshness'],
) =>
  renderInTestApp(
    <SloStatusCard
      definition={definition}
      status={status}
      policy={DEFAULT_ERROR_BUDGET_POLICY}
      definitionUnreadable={definitionUnreadable}
      freshness={freshness}
      now={NOW}
    />,
  );

const UNREADABLE_NOTE =
  'Its file cannot be read now: objective, window and figures are from the last readable definition, and are not trusted.';

describe('SloStatusCard', () => {
  it('shows an overspent SLO with its figures, policy actions and burn-down', async () => {
    await render({
      sloName: 'checkout-availability',
      state: 'ok',
      figures: overspentFigures,
      goodAt: overspentFigures.measuredAt,
    });
    expect(screen.getByText('Red: feature freeze')).toBeInTheDocument();
    expect(screen.getByText('99.861%')).toBeInTheDocument();
    expect(
      screen.getByText(/against a target of 99.9%: not met/),
    ).toBeInTheDocument();
    expect(screen.getByText('-38.9%')).toBeInTheDocument();
    expect(
      screen.getByText(
        /\(-16,800 events of 43,200 events; as full outage -16.8 min of 43.2 min\)/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('— out of budget')).toBeInTheDocument();
    expect(
      screen.getByText('Projected exhaustion: already spent'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(withText('Measured 5 minutes ago')),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Error-budget policy: Feature freeze: emergency fixes only',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Incident review required')).toBeInTheDocument();
    expect(
      screen.getByText(
        'No burn-rate alert firing (page at 14.4× over 1h/5m and 6× over 6h/30m)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Burn-down of the error budget of Checkout availability',
      }),
    ).toBeInTheDocument();
  });

  it('shows no data as no data, never 100 % or 0 %', async () => {
    await render({
      sloName: 'checkout-availability',
      state: 'ok',
      figures: {
        ...overspentFigures,
        sli: undefined,
        attained: undefined,
        budget: { unit: 'events', overspent: false },
        burnRates: overspentFigures.burnRates.map(b => ({
          windowMs: b.windowMs,
        })),
        policyState: 'nodata',
        history: [],
      },
    });
    expect(
      screen.getByText(
        'No data: no traffic in the window (neither 100 % nor 0 %)',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText('no data')).toHaveLength(7);
    // Nothing to project from: no projection line, and no burn-down.
    expect(screen.queryByText(/^Projected exhaustion/)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Error budget burn-down' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText(/NaN/)).not.toBeInTheDocument();
    expect(screen.queryByText('100%')).not.toBeInTheDocument();
  });

  it('shows a degraded SLO with the error and its last good value', async () => {
    await render({
      sloName: 'checkout-availability',
      state: 'degraded',
      error: 'main: error network_error socket hang up',
      attemptedAt: NOW - 60_000,
      goodAt: NOW - 3 * 3_600_000,
      figures: overspentFigures,
    });
    expect(
      screen.getByText(
        /Metric source failing \(1 minute ago\): main: error network_error socket hang up. Showing the last good values, measured 3 hours ago./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('-38.9%')).toBeInTheDocument();
  });

  it('marks an SLO whose definition cannot be read, and labels its figures as from the last readable one', async () => {
    await render(
      {
        sloName: 'checkout-availability',
        state: 'ok',
        figures: overspentFigures,
        goodAt: overspentFigures.measuredAt,
      },
      true,
    );
    expect(screen.getByText('Definition unreadable')).toBeInTheDocument();
    expect(screen.getByText(UNREADABLE_NOTE)).toBeInTheDocument();
    expect(screen.getByText('Red: feature freeze')).toBeInTheDocument();
    expect(screen.getByText('99.861%')).toBeInTheDocument();
  });

  it('marks figures not measured for over two evaluation intervals as stale, with their age', async () => {
    const measuredAt = NOW - 3 * 3_600_000;
    await render(
      {
        sloName: 'checkout-availability',
        state: 'ok',
        figures: { ...overspentFigures, measuredAt },
        goodAt: measuredAt,
      },
      false,
      { measuredAt, ageMs: 3 * 3_600_000, stale: true, staleBecause: 'old' },
    );
    expect(screen.getByText('Stale · 3 hours ago')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Stale: measured 3 hours ago; not evaluated for over two evaluation intervals: the figures below may no longer hold.',
      ),
    ).toBeInTheDocument();
  });

  it('shows no unreadable marker for an SLO whose definition reads fine', async () => {
    await render({
      sloName: 'checkout-availability',
      state: 'ok',
      figures: overspentFigures,
      goodAt: overspentFigures.measuredAt,
    });
    expect(screen.getByText('99.861%')).toBeInTheDocument();
    expect(screen.queryByText(/^Stale/)).not.toBeInTheDocument();
    expect(screen.queryByText('Definition unreadable')).not.toBeInTheDocument();
    expect(screen.queryByText(UNREADABLE_NOTE)).not.toBeInTheDocument();
  });

  it('marks an SLO never evaluated as Pending (not measured yet), never as No data', async () => {
    await render({ sloName: 'checkout-availability', state: 'pending' });
    expect(screen.getByText('Pending')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not measured yet: figures appear after the next evaluation cycle.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('No data')).not.toBeInTheDocument();
    expect(screen.queryByText(/^SLI/)).not.toBeInTheDocument();
  });

  it('shows No data, not Pending, for an SLO evaluated without traffic', async () => {
    await render({
      sloName: 'checkout-availability',
      state: 'ok',
      figures: {
        ...overspentFigures,
        sli: undefined,
        attained: undefined,
        policyState: 'nodata',
      },
    });
    expect(screen.getByText('No data')).toBeInTheDocument();
    expect(screen.queryByText('Pending')).not.toBeInTheDocument();
  });
});
