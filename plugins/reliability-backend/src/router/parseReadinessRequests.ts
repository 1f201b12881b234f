import { z } from 'zod';
import { parseWith } from './parseWith';

const expiresAt = z
  .string({ error: 'must be a date such as 2027-03-01' })
  .refine(
    value => !Number.isNaN(Date.parse(value)),
    'must be a date such as 2027-03-01',
  )
  .transform(value => Date.parse(value));

const itemId = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .max(255);

const attestation = z.object({
  itemId,
  evidence: z
    .array(z.url({ error: 'must be a URL' }))
    .min(1, 'needs at least one evidence link'),
  comment: z.string().max(2000).optional(),
  expiresAt,
});

const waiver = z.object({
  itemId,
  reason: z
    .string({ error: 'is required' })
    .trim()
    .min(10, 'must explain the waiver (at least 10 characters)')
    .max(2000),
  expiresAt,
});

const review = z.object({
  targetDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2027-01-15')
    .optional(),
  reviewers: z
    .array(z.string().min(1).max(255))
    .min(1, 'needs at least one reviewer'),
});

const action = z.object({
  action: z.enum(['submit', 'approve', 'block', 'reopen', 'comment'], {
    error: 'must be one of submit, approve, block, reopen, comment',
  }),
  text: z.string().max(4000).optional(),
});

const reviewId = z.object({
  id: z.coerce.number().int().positive('must be a review id'),
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
