import { fireEvent, render, screen } from '@testing-library/react';
import { When } from './When';

const now = Date.parse('2026-12-01T09:00:00Z');

describe('When', () => {
  it('shows the relative time, the absolute one in a tooltip', async () => {
    render(<When at="2026-12-01T06:00:00Z" now={now} zone="Europe/Berlin" />);
    const time = screen.getByText('3 hours ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', '2026-12-01T06:00:00.000Z');
    fireEvent.mouseOver(time);
    expect(
      await screen.findByRole('tooltip', {
        name: '2026-12-01 07:00 (06:00 UTC)',
      }),
    ).toBeInTheDocument();
  });

  it('shows days without a time', async () => {
    render(<When at="2026-12-04" dateOnly now={now} />);
    const time = screen.getByText('in 3 days');
    expect(time).toHaveAttribute('dateTime', '2026-12-04');
    fireEvent.mouseOver(time);
    expect(
      await screen.findByRole('tooltip', { name: '2026-12-04' }),
    ).toBeInTheDocument();
  });
});
