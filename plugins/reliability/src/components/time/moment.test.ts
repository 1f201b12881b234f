import { absoluteMoment, isoMoment, relativeMoment } from './moment';

const now = Date.parse('2026-12-01T09:00:00Z');

describe('relativeMoment', () => {
  it.each([
    ['2026-12-01T08:59:30Z', 'just now'],
    ['2026-12-01T08:48:00Z', '12 minutes ago'],
    ['2026-12-01T06:00:00Z', '3 hours ago'],
    ['2026-11-28T09:00:00Z', '3 days ago'],
    ['2026-12-03T09:00:00Z', 'in 2 days'],
    ['2026-12-01T10:00:00Z', 'in 1 hour'],
  ])('%s is %s', (at, text) => {
    expect(relativeMoment(at, { now })).toBe(text);
    expect(relativeMoment(Date.parse(at), { now })).toBe(text);
  });

  it.each([
    ['2026-12-01', 'today'],
    ['2026-12-02', 'tomorrow'],
    ['2026-11-30', 'yesterday'],
    ['2026-12-04', 'in 3 days'],
    ['2026-11-20', '11 days ago'],
    ['2027-02-01', 'in 2 months'],
  ])('the day %s is %s', (day, text) => {
    expect(relativeMoment(day, { now, dateOnly: true })).toBe(text);
  });
});

describe('absoluteMoment', () => {
  it('gives the viewer’s zone and UTC', () => {
    expect(
      absoluteMoment('2026-12-01T09:05:00Z', { zone: 'Europe/Berlin' }),
    ).toBe('2026-12-01 10:05 (09:05 UTC)');
    expect(
      absoluteMoment(Date.parse('2026-12-01T23:30:00Z'), {
        zone: 'Europe/Berlin',
      }),
    ).toBe('2026-12-02 00:30 (2026-12-01 23:30 UTC)');
    expect(absoluteMoment('2026-12-01T09:05:00Z', { zone: 'utc' })).toBe(
      '2026-12-01 09:05 UTC',
    );
  });

  it('gives a day alone for dates', () => {
    expect(absoluteMoment('2026-12-04', { dateOnly: true })).toBe('2026-12-04');
    expect(
      absoluteMoment(Date.parse('2027-02-01T00:00:00Z'), { dateOnly: true }),
    ).toBe('2027-02-01');
  });
});

describe('isoMoment', () => {
  it('is the machine-readable UTC form', () => {
    expect(isoMoment(Date.parse('2026-12-01T09:05:00Z'))).toBe(
      '2026-12-01T09:05:00.000Z',
    );
    expect(isoMoment('2026-12-04', true)).toBe('2026-12-04');
  });
});
