import { ResponseError } from '@backstage/errors';
import { describeError } from './describeError';

/** How the readiness and deploy-gate forms label the fields the backend names in a 400. */
const FIELD_LABELS: Record<string, string> = {
  itemId: 'Item',
  evidence: 'Evidence links',
  comment: 'Comment',
  expiresAt: 'Expires on',
  reason: 'Reason',
  targetDate: 'Target launch date',
  reviewers: 'Reviewers',
  text: 'Text',
  durationMinutes: 'Duration',
};

/** Fields that are lists: their entries are numbered from 1, as people count. */
const ENTRY_LABELS: Record<string, (position: number) => string> = {
  evidence: position => `Evidence link ${position}`,
  reviewers: position => `Reviewer ${position}`,
};

/**
 * A backend input problem (`field reason`) with the field as the form labels it:
 * `evidence.0 must be an http: or https: link` → `Evidence link 1 must be an http: or https: link`.
 * A message that names no known field is returned as it is.
 */
export function withFieldLabel(message: string): string {
  const match = /^([A-Za-z]+)(?:\.(\d+))? ([\s\S]+)$/.exec(message);
  if (!match) return message;
  const [, field, index, rest] = match;
  const label =
    index === undefined
      ? FIELD_LABELS[field]
      : ENTRY_LABELS[field]?.(Number(index) + 1);
  return label ? `${label} ${rest}` : message;
}

/** What went wrong, in the backend's words, with the form's field labels when the input was refused (400). */
export function describeFormError(error: unknown): string {
  const message = describeError(error);
  return ResponseError.is(error) && error.statusCode === 400
    ? withFieldLabel(message)
    : message;
}
