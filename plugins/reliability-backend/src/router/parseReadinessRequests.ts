import { DateTime } from 'luxon';
import { z } from 'zod';
import { linkUrlProblem } from '@reliability-suite/plugin-reliability-common';
import { parseWith } from './parseWith';

const string = () =>
  z.string({
    error: issue =>
      issue.input === undefined ? 'is required' : 'must be text',
  });
const atMost = (max: number) => `must be at most ${max} characters`;

/** Text of at most `max` characters; `is required` only when it is absent. */
const text = (max: number) => string().max(max, atMost(max));

/** Required text of 1 to `max` characters. */
const requiredText = (max: number) => text(max).min(1, 'is required');

const BODY = 'must be a JSON object';
const EXPIRES_AT = 'must be a date such as 2027-03-01';
const TARGET_DATE = 'must be a date such as 2027-01-15';

/**
 * A real calendar date, `YYYY-MM-DD`, or an ISO 8601 timestamp on such a date (UTC unless it
 * names an offset): `2030-02-30` and `2030-13-45` are refused, not rolled over.
 */
const expiresAt = z
  .string({
    error: issue => (issue.input === undefined ? 'is required' : EXPIRES_AT),
  })
  .max(64, EXPIRES_AT)
  .regex(/^\d{4}-\d{2}-\d{2}(T.+)?$/, EXPIRES_AT)
  .transform((value, ctx) => {
    const date = DateTime.fromISO(value, { zone: 'utc' });
    if (date.isValid) return date.toMillis();
    ctx.addIssue({ code: 'custom', message: EXPIRES_AT });
    return z.NEVER;
  });

/** A real calendar date, `YYYY-MM-DD`. */
const targetDate = z
  .string({ error: TARGET_DATE })
  .regex(/^\d{4}-\d{2}-\d{2}$/, TARGET_DATE)
  .refine(
    value => DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'utc' }).isValid,
    TARGET_DATE,
  );

const itemId = requiredText(255);

/** A link to evidence: `http:` or `https:` only (no `javascript:`, `data:`…). */
const evidenceLink = z
  .string({ error: 'must be an http: or https: link' })
  .superRefine((value, ctx) => {
    const problem = linkUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const attestation = z.object(
  {
    itemId,
    evidence: z
      .array(evidenceLink, { error: 'must be a list of links' })
      .min(1, 'needs at least one evidence link')
      .max(20, 'must be at most 20 links'),
    comment: text(2000).optional(),
    expiresAt,
  },
  { error: BODY },
);

const waiver = z.object(
  {
    itemId,
    reason: string()
      .trim()
      .min(10, 'must explain the waiver (at least 10 characters)')
      .max(2000, atMost(2000)),
    expiresAt,
  },
  { error: BODY },
);

const review = z.object(
  {
    targetDate: targetDate.optional(),
    reviewers: z
      .array(requiredText(255), {
        error: 'must be a list of user or group refs',
      })
      .min(1, 'needs at least one reviewer')
      .max(20, 'must be at most 20 reviewers'),
  },
  { error: BODY },
);

const action = z.object(
  {
    action: z.enum(['submit', 'approve', 'block', 'reopen', 'comment'], {
      error: 'must be one of submit, approve, block, reopen, comment',
    }),
    text: text(4000).optional(),
  },
  { error: BODY },
);

const REVIEW_ID = 'must be a review id';
const reviewId = z.object({
  // Bounded by the database's integer ids: a larger number is no review, not a database error.
  id: z.coerce
    .number({ error: REVIEW_ID })
    .int(REVIEW_ID)
    .positive(REVIEW_ID)
    .max(2_147_483_647, REVIEW_ID),
});

/** `POST …/attestations`: item, evidence links, comment, expiry. */
export const parseAttestation = (body: unknown) => parseWith(attestation, body);
/** `POST …/waivers`: item, reason, expiry. */
export const parseWaiver = (body: unknown) => parseWith(waiver, body);
/** `POST …/reviews`: target launch date and reviewers. */
export const parseReview = (body: unknown) => parseWith(review, body);
/** `POST /reviews/:id/actions`: what to do and the reason or comment. */
export const parseReviewAction = (body: unknown) => parseWith(action, body);
/** `/reviews/:id`. */
export const parseReviewId = (params: unknown) =>
  parseWith(reviewId, params).id;

const DUE_BEFORE = 'must be a date such as 2027-01-15';
const queue = z.object({
  state: z
    .enum(['draft', 'in_review'], { error: 'must be draft or in_review' })
    .optional(),
  reviewer: text(255).optional(),
  due_before: z
    .string({ error: DUE_BEFORE })
    .regex(/^\d{4}-\d{2}-\d{2}$/, DUE_BEFORE)
    .refine(
      value =>
        DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'utc' }).isValid,
      DUE_BEFORE,
    )
    .optional(),
});

/** `GET /reviews?state=&reviewer=&due_before=`: the review queue's filters. */
export const parseReviewQueue = (query: unknown) => {
  const { state, reviewer, due_before } = parseWith(queue, query);
  return {
    states: state ? [state] : undefined,
    reviewer: reviewer || undefined,
    dueBefore: due_before,
  };
};
