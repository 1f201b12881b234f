import { isoWeek, shiftWeek } from './isoWeek';

describe('isoWeek', () => {
  it.each([
    ['2026-11-23T00:00:00Z', '2026-W48'], // a Monday
    ['2026-11-29T23:59:59Z', '2026-W48'], // its Sunday
    ['2026-01-01T12:00:00Z', '2026-W01'], // a Thursday: week 1
    ['2027-01-01T12:00:00Z', '2026-W53'], // a Friday: the last week of 2026
    ['2024-12-30T00:00:00Z', '2025-W01'], // a Monday in the first week of 2025
    ['2021-01-03T00:00:00Z', '2020-W53'],
  ])('%s is in %s', (moment, week) => {
    expect(isoWeek(Date.parse(moment))).toBe(week);
  });

  it('steps from a week to the previous and the next', () => {
    expect(shiftWeek('2026-11-23', -1)).toBe('2026-W47');
    expect(shiftWeek('2026-11-23', 1)).toBe('2026-W49');
    expect(shiftWeek('2026-12-28', 1)).toBe('2027-W01');
    expect(shiftWeek('2026-01-05', -1)).toBe('2026-W01');
  });
});
