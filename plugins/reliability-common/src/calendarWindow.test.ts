import { windowStart } from './calendarWindow';

const now = Date.parse('2026-11-23T12:34:56Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('windowStart', () => {
  it.each([
    [
      {
        type: 'rolling' as const,
        duration: '30d',
        durationMs: 30 * 86_400_000,
      },
      '2026-10-24T12:34:56.000Z',
    ],
    [
      {
        type: 'calendar' as const,
        duration: '1M',
        startTime: '2026-01-01 00:00:00',
        timeZone: 'UTC',
      },
      '2026-11-01T00:00:00.000Z',
    ],
    [
      {
        type: 'calendar' as const,
        duration: '1M',
        startTime: '2026-01-01 00:00:00',
        timeZone: 'America/New_York',
      },
      '2026-11-01T04:00:00.000Z',
    ],
    [
      {
        type: 'calendar' as const,
        duration: '1w',
        startTime: '2026-01-05 00:00:00',
        timeZone: 'UTC',
      },
      '2026-11-23T00:00:00.000Z',
    ],
    [
      {
        type: 'calendar' as const,
        duration: '1Q',
        startTime: '2026-01-01 00:00:00',
        timeZone: 'UTC',
      },
      '2026-10-01T00:00:00.000Z',
    ],
    [
      {
        type: 'calendar' as const,
        duration: '2w',
        startTime: '2026-01-12 00:00:00',
        timeZone: 'UTC',
      },
      '2026-11-16T00:00:00.000Z',
    ],
  ])('%j starts at %s', (window, start) => {
    expect(iso(windowStart(window, now))).toBe(start);
  });
});
