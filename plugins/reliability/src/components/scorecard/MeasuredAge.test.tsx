import { render, screen } from '@testing-library/react';
import { MeasuredAge } from './MeasuredAge';

const now = Date.parse('2026-11-30T08:00:00Z');

describe('MeasuredAge', () => {
  it('shows the age of current figures, with when they were measured', () => {
    const measuredAt = Date.parse('2026-11-30T07:48:00Z');
    render(
      <MeasuredAge
        freshness={{ measuredAt, ageMs: 720_000, stale: false }}
        now={now}
      />,
    );
    expect(screen.getByText('12 minutes ago')).toHaveAttribute(
      'title',
      '2026-11-30 07:48 UTC',
    );
  });

  it('marks stale figures with their age and why', () => {
    render(
      <MeasuredAge
        freshness={{
          measuredAt: Date.parse('2026-11-28T08:00:00Z'),
          ageMs: 2 * 86_400_000,
          stale: true,
          staleBecause: 'degraded',
        }}
        now={now}
      />,
    );
    expect(screen.getByText('Stale · 2 days ago')).toBeInTheDocument();
    expect(screen.getByTitle(/^Stale: /)).toHaveAttribute(
      'title',
      'Stale: measured 2 days ago; the last evaluation failed',
    );
  });

  it('marks figures never measured of a failed evaluation as stale, without an age', () => {
    render(
      <MeasuredAge
        freshness={{ stale: true, staleBecause: 'degraded' }}
        now={now}
      />,
    );
    expect(screen.getByTitle(/^Stale: /)).toHaveTextContent(/^Stale$/);
    expect(screen.getByTitle(/^Stale: /)).toHaveAttribute(
      'title',
      'Stale: never measured; the last evaluation failed',
    );
  });

  it.each([
    ['nothing measured yet', { stale: false }],
    ['a row from before freshness was served', undefined],
  ])('shows a dash for %s', (_label, freshness) => {
    const { container } = render(
      <MeasuredAge freshness={freshness} now={now} />,
    );
    expect(container).toHaveTextContent(/^—$/);
  });
});
