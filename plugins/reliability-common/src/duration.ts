const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60 * 1000,
  h: 60 * 60 * 1000,
  d: 24 * 60 * 60 * 1000,
  w: 7 * 24 * 60 * 60 * 1000,
};

const DURATION_PATTERN = /^([1-9][0-9]*)([smhdw])$/;

/**
 * Parses a duration such as `30d`, `90m` or `1h` into milliseconds.
 * Returns undefined for anything else (the caller reports it with its position).
 */
export function parseDurationMs(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) {
    return undefined;
  }
  return Number(match[1]) * UNIT_MS[match[2]];
}

/** Formats milliseconds as the largest whole unit, e.g. 2592000000 → `30d`, 5400000 → `90m`. */
export function formatDurationMs(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's']) {
    if (ms % UNIT_MS[unit] === 0 && ms >= UNIT_MS[unit]) {
      return `${ms / UNIT_MS[unit]}${unit}`;
    }
  }
  return `${ms}ms`;
}
