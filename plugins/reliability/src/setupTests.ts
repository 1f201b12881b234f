import { Settings } from 'luxon';
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy* and waitFor give up after 1 s by default: too short on a loaded 2-core CI machine.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout: give recharts' ResponsiveContainer the ResizeObserver browsers have.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??=
  NoLayoutResizeObserver;

// Dates show in the viewer's zone: tests view them from UTC, whatever the machine's zone.
Settings.defaultZone = 'utc';
