import { render } from '@testing-library/react';
import { HeaderLabel, headerLines } from './HeaderLabel';

describe('headerLines', () => {
  it.each([
    ['Tier', ['Tier']],
    ['1h burn', ['1h burn']],
    ['Attainment', ['Attainment']],
    ['Budget left', ['Budget', 'left']],
    ['Out of budget', ['Out of', 'budget']],
    ['Tier 0/Tier 1 with SLOs', ['Tier 0/Tier 1', 'with SLOs']],
    ['Attestation or waiver', ['Attestation', 'or waiver']],
    ['Readinesses', ['Readinesses']],
  ])('splits "%s" into %j', (label, lines) => {
    expect(headerLines(label)).toEqual(lines);
  });
});

describe('HeaderLabel', () => {
  it('shows a long label on two lines, its text still the label', () => {
    const { container } = render(<HeaderLabel label="Budget left" />);
    expect(container.textContent).toBe('Budget left');
    expect(
      [...container.querySelectorAll<HTMLElement>('span > span')].map(line => [
        line.textContent,
        line.style.display,
      ]),
    ).toEqual([
      ['Budget', 'block'],
      ['left', 'block'],
    ]);
  });

  it('shows a short label as it is', () => {
    const { container } = render(<HeaderLabel label="1h burn" />);
    expect(container.innerHTML).toBe('1h burn');
  });
});
