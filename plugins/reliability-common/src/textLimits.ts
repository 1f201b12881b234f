import { z } from 'zod';

/** Longest texts a definition may hold, in characters. */
export const TEXT_LIMITS = {
  displayName: 200,
  description: 2000,
  identifier: 253,
  link: 2048,
} as const;

/** A string of at most `max` characters, with a message that says so. */
export function boundedText(max: number) {
  return z
    .string({ error: 'must be a string' })
    .max(max, `must be at most ${max} characters`);
}
