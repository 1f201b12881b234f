import { render, screen, within } from '@testing-library/react';
import { ScorecardTrendPoint } from '@reliability-suite/plugin-reliability-common';
import { TrendCharts } from './TrendCharts';
import { rollup } from './testScorecard';

// jsdom has no layout: draw the charts at a fixed size instead of their containers'.
jest.mock('recharts', () => ({
  ...jest.requireActual('recharts'),
  ResponsiveContainer: ({ children }: { children: React.ReactElement }) =>
    jest.requireActual('react').cloneElement(children, {
      width: 800,
      height: 280,
    }),
}));

const texts = (elements: Iterable<Element>) =>
  [...elements].map(element => element.textContent);

/** 29 days from Monday 2026-11-02 to Monday 2026-11-30: a third of services with SLOs, then all. */
const days: ScorecardTrendPoint[] = Array.from({ length: 29 }, (_, i) => {
  const { key: _key, ...point } = rollup({
    entities: 12,
    services: {
      total: 9,
      withSlos: i < 14 ? 3 : 9,
      withOnCall: 9,
      withRunbooks: 0,
      critical: 3,
      criticalWithSlos: 3,
      criticalWithOnCall: 3,
    },
    slosMeetingTarget: 18,
    slosMeasured: 20,
    attainment: 0.9,
    onTrack: 12,
  });
  return {
    ...point,
    day: new Date(Date.UTC(2026, 10, 2 + i)).toISOString().slice(0, 10),
  };
});

describe('TrendCharts', () => {
  beforeEach(() => {
    render(<TrendCharts days={days} />);
  });

  it('titles each chart and names every line and bar in its legend', () => {
    expect(texts(screen.getAllByRole('heading', { level: 3 }))).toEqual([
      'Coverage',
      'SLOs meeting target and readiness',
      'Budget status',
    ]);
    const legend = (title: string) =>
      texts(
        within(
          screen.getByRole('list', { name: `Legend of ${title}` }),
        ).getAllByRole('listitem'),
      );
    expect(legend('Coverage')).toEqual([
      'Services with SLOs',
      'Tier 0/Tier 1 services with SLOs',
      'Tier 0/Tier 1 services with on-call',
      'Services with on-call',
    ]);
    expect(legend('SLOs meeting target and readiness')).toEqual([
      'SLOs meeting target (% of measured SLOs)',
      'Mean readiness (% of required items passing)',
    ]);
    expect(legend('Budget status')).toEqual([
      'Out of budget',
      'Burning fast',
      'Burning slow',
      'On track',
      'No data',
    ]);
  });

  it('titles the axes with their units and ticks weekly on Mondays (UTC)', () => {
    const axes = (title: string) => {
      const chart = screen.getByRole('img', { name: title });
      return {
        labels: texts(chart.querySelectorAll('.recharts-label')),
        days: texts(
          chart.querySelectorAll(
            '.recharts-xAxis .recharts-cartesian-axis-tick-value',
          ),
        ),
      };
    };
    const weeks = ['Nov 2', 'Nov 9', 'Nov 16', 'Nov 23', 'Nov 30'];
    expect(axes('Coverage')).toEqual({
      labels: ['Date (UTC)', 'Services (%)'],
      days: weeks,
    });
    expect(axes('SLOs meeting target and readiness')).toEqual({
      labels: ['Date (UTC)', 'Share (%)'],
      days: weeks,
    });
    expect(axes('Budget status')).toEqual({
      labels: ['Date (UTC)', 'Entities'],
      days: weeks,
    });
  });

  it('draws a jump in coverage as a step, not a smoothed slope', () => {
    const [servicesWithSlos] = screen
      .getByRole('img', { name: 'Coverage' })
      .querySelectorAll('.recharts-line-curve');
    const path = servicesWithSlos.getAttribute('d')!;
    // Steps are straight horizontal and vertical segments only: no curves.
    expect(path).not.toMatch(/C/);
    const points = path
      .split(/[ML]/)
      .filter(Boolean)
      .map(point => point.split(',').map(Number));
    for (let i = 1; i < points.length; i++) {
      const [[x0, y0], [x1, y1]] = [points[i - 1], points[i]];
      expect(x0 === x1 || y0 === y1).toBe(true);
    }
  });
});
