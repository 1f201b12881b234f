import { render, screen, within } from '@testing-library/react';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  ErrorBudgetPolicy,
} from '@reliability-suite/plugin-reliability-common';
import { BurnDownChart } from './BurnDownChart';

// jsdom has no layout: draw the chart at a fixed size instead of its container's.
jest.mock('recharts', () => ({
  ...jest.requireActual('recharts'),
  ResponsiveContainer: ({ children }: { children: React.ReactElement }) =>
    jest.requireActual('react').cloneElement(children, {
      width: 800,
      height: 220,
    }),
}));

const DAY = 86_400_000;
/** Monday 2026-11-02 00:00 UTC. */
const MONDAY = Date.parse('2026-11-02T00:00:00Z');

const texts = (elements: NodeListOf<Element> | Element[]) =>
  [...elements].map(element => element.textContent);

function renderChart(
  history: Array<{ t: number; remaining?: number }>,
  policy: ErrorBudgetPolicy = DEFAULT_ERROR_BUDGET_POLICY,
) {
  return render(
    <BurnDownChart
      history={history}
      name="Checkout availability"
      policy={policy}
    />,
  );
}

describe('BurnDownChart', () => {
  it('has a title, axis titles with units and a legend naming the threshold lines', () => {
    const { container } = renderChart([
      { t: MONDAY + 5 * 3_600_000, remaining: 1 },
      { t: MONDAY + 15 * DAY, remaining: 0.4 },
      { t: MONDAY + 29 * DAY, remaining: -0.3889 },
    ]);
    expect(
      screen.getByRole('heading', { name: 'Error budget burn-down' }),
    ).toBeInTheDocument();
    const legend = screen.getByRole('list', {
      name: 'Legend of the burn-down of Checkout availability',
    });
    expect(texts(within(legend).getAllByRole('listitem'))).toEqual([
      'Budget remaining',
      'Policy yellow below 50%',
      'Policy red below 10%',
      'Budget spent (0%)',
    ]);
    const chart = screen.getByRole('img', {
      name: 'Burn-down of the error budget of Checkout availability',
    });
    expect(texts(chart.querySelectorAll('.recharts-label'))).toEqual([
      'Date (UTC)',
      'Budget remaining (%)',
    ]);
    // Weekly ticks on Mondays (UTC) across the 29 days, and 25 % steps down below the lowest point.
    expect(
      texts(
        container.querySelectorAll(
          '.recharts-xAxis .recharts-cartesian-axis-tick-value',
        ),
      ),
    ).toEqual(['Nov 9', 'Nov 16', 'Nov 23', 'Nov 30']);
    expect(
      texts(
        container.querySelectorAll(
          '.recharts-yAxis .recharts-cartesian-axis-tick-value',
        ),
      ),
    ).toEqual(['-50%', '-25%', '0%', '25%', '50%', '75%', '100%']);
    expect(container.querySelectorAll('.recharts-reference-line')).toHaveLength(
      3,
    );
    // Drawn point to point, never smoothed.
    expect(
      container.querySelector('.recharts-line-curve')?.getAttribute('d'),
    ).not.toMatch(/C/);
  });

  it('draws the thresholds of the entity’s own policy', () => {
    renderChart(
      [
        { t: MONDAY, remaining: 1 },
        { t: MONDAY + 3 * DAY, remaining: 0.7 },
      ],
      {
        ...DEFAULT_ERROR_BUDGET_POLICY,
        green: { ...DEFAULT_ERROR_BUDGET_POLICY.green, minRemaining: 0.75 },
        yellow: { ...DEFAULT_ERROR_BUDGET_POLICY.yellow, minRemaining: 0.25 },
      },
    );
    expect(
      texts(
        within(
          screen.getByRole('list', {
            name: 'Legend of the burn-down of Checkout availability',
          }),
        ).getAllByRole('listitem'),
      ),
    ).toEqual([
      'Budget remaining',
      'Policy yellow below 75%',
      'Policy red below 25%',
      'Budget spent (0%)',
    ]);
  });

  it('ticks every day over a few days', () => {
    const { container } = renderChart([
      { t: MONDAY - 3_600_000, remaining: 1 },
      { t: MONDAY + 3 * DAY, remaining: 0.9 },
    ]);
    expect(
      texts(
        container.querySelectorAll(
          '.recharts-xAxis .recharts-cartesian-axis-tick-value',
        ),
      ),
    ).toEqual(['Nov 2', 'Nov 3', 'Nov 4', 'Nov 5']);
  });

  it('draws nothing without a measured point', () => {
    const { container } = renderChart([{ t: MONDAY }, { t: MONDAY + DAY }]);
    expect(container).toBeEmptyDOMElement();
  });
});
