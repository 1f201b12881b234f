import '@testing-library/jest-dom';

// jsdom has no layout: give recharts' ResponsiveContainer the ResizeObserver browsers have.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??=
  NoLayoutResizeObserver;
