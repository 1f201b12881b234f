import { InputError } from '@backstage/errors';
import {
  parseAttestation,
  parseReview,
  parseReviewAction,
  parseReviewId,
  parseWaiver,
} from './parseReadinessRequests';

const attestation = {
  itemId: 'capacity',
  evidence: ['https://docs.example.com/load-test'],
  comment: 'Load test at 3x peak',
  expiresAt: '2030-01-15',
};
const waiver = {
  itemId: 'slos-measurable',
  reason: 'Metrics pipeline lands next sprint',
  expiresAt: '2030-01-15',
};
const review = { targetDate: '2030-01-15', reviewers: ['group:default/sre'] };
const long = (length: number) => 'x'.repeat(length);

describe('readiness API input', () => {
  it.each<[string, (input: unknown) => unknown, unknown, string]>([
    // Review target dates are real calendar dates.
    [
      'a month 13',
      parseReview,
      { ...review, targetDate: '2030-13-45' },
      'targetDate must be a date such as 2027-01-15',
    ],
    [
      'February 30',
      parseReview,
      { ...review, targetDate: '2030-02-30' },
      'targetDate must be a date such as 2027-01-15',
    ],
    [
      'a target date with a time',
      parseReview,
      { ...review, targetDate: '2030-01-15T10:00:00Z' },
      'targetDate must be a date such as 2027-01-15',
    ],
    [
      'a target date that is a number',
      parseReview,
      { ...review, targetDate: 20300115 },
      'targetDate must be a date such as 2027-01-15',
    ],
    // Expiry dates too, for attestations and waivers.
    [
      'an attestation expiring on February 30',
      parseAttestation,
      { ...attestation, expiresAt: '2030-02-30' },
      'expiresAt must be a date such as 2027-03-01',
    ],
    [
      'a waiver expiring in month 13',
      parseWaiver,
      { ...waiver, expiresAt: '2030-13-45' },
      'expiresAt must be a date such as 2027-03-01',
    ],
    [
      'an expiry at hour 25',
      parseWaiver,
      { ...waiver, expiresAt: '2030-01-15T25:00:00Z' },
      'expiresAt must be a date such as 2027-03-01',
    ],
    [
      'an expiry in words',
      parseAttestation,
      { ...attestation, expiresAt: 'March 1, 2030' },
      'expiresAt must be a date such as 2027-03-01',
    ],
    [
      'a time without a date',
      parseAttestation,
      { ...attestation, expiresAt: '10:00' },
      'expiresAt must be a date such as 2027-03-01',
    ],
    [
      'no expiry',
      parseWaiver,
      { ...waiver, expiresAt: undefined },
      'expiresAt is required',
    ],
    // Length limits give length messages, not "is required".
    [
      'an over-long item id (attestation)',
      parseAttestation,
      { ...attestation, itemId: long(256) },
      'itemId must be at most 255 characters',
    ],
    [
      'an over-long item id (waiver)',
      parseWaiver,
      { ...waiver, itemId: long(256) },
      'itemId must be at most 255 characters',
    ],
    [
      'an over-long comment',
      parseAttestation,
      { ...attestation, comment: long(2001) },
      'comment must be at most 2000 characters',
    ],
    [
      'an over-long waiver reason',
      parseWaiver,
      { ...waiver, reason: long(2001) },
      'reason must be at most 2000 characters',
    ],
    [
      'an over-long review action text',
      parseReviewAction,
      { action: 'block', text: long(4001) },
      'text must be at most 4000 characters',
    ],
    [
      'an over-long reviewer',
      parseReview,
      { ...review, reviewers: ['group:default/sre', long(256)] },
      'reviewers.1 must be at most 255 characters',
    ],
    [
      'too many reviewers',
      parseReview,
      { ...review, reviewers: Array.from({ length: 21 }, (_, i) => `u${i}`) },
      'reviewers must be at most 20 reviewers',
    ],
    [
      'an empty reviewer',
      parseReview,
      { ...review, reviewers: [''] },
      'reviewers.0 is required',
    ],
    [
      'no reviewers',
      parseReview,
      { ...review, reviewers: [] },
      'reviewers needs at least one reviewer',
    ],
    [
      'no item id',
      parseAttestation,
      { ...attestation, itemId: undefined },
      'itemId is required',
    ],
    [
      'an empty item id',
      parseWaiver,
      { ...waiver, itemId: '' },
      'itemId is required',
    ],
    [
      'an item id that is a number',
      parseWaiver,
      { ...waiver, itemId: 7 },
      'itemId must be text',
    ],
    [
      'a short waiver reason',
      parseWaiver,
      { ...waiver, reason: '  too short ' },
      'reason must explain the waiver (at least 10 characters)',
    ],
    [
      'no waiver reason',
      parseWaiver,
      { ...waiver, reason: undefined },
      'reason is required',
    ],
    // Evidence is an http: or https: link, nothing else.
    [
      'a javascript: link as evidence',
      parseAttestation,
      // eslint-disable-next-line no-script-url
      { ...attestation, evidence: ['javascript:alert(document.cookie)'] },
      'evidence.0 must be an http: or https: link',
    ],
    [
      'data: evidence',
      parseAttestation,
      {
        ...attestation,
        evidence: [
          'https://docs.example.com/ok',
          'data:text/html,<script>alert(1)</script>',
        ],
      },
      'evidence.1 must be an http: or https: link',
    ],
    [
      'vbscript: evidence in mixed case with a tab',
      parseAttestation,
      { ...attestation, evidence: ['VbScript:\tmsgbox(1)'] },
      'evidence.0 must be an http: or https: link',
    ],
    [
      'relative evidence',
      parseAttestation,
      { ...attestation, evidence: ['/docs/load-test'] },
      'evidence.0 must be an http: or https: link',
    ],
    [
      'an over-long evidence link',
      parseAttestation,
      { ...attestation, evidence: [`https://docs.example.com/${long(2030)}`] },
      'evidence.0 must be a link of at most 2048 characters',
    ],
    [
      'evidence that is not a list',
      parseAttestation,
      { ...attestation, evidence: 'https://docs.example.com/load-test' },
      'evidence must be a list of links',
    ],
    [
      'no evidence',
      parseAttestation,
      { ...attestation, evidence: [] },
      'evidence needs at least one evidence link',
    ],
    [
      'an unknown action',
      parseReviewAction,
      { action: 'merge' },
      'action must be one of submit, approve, block, reopen, comment',
    ],
    [
      'a review id that is text',
      parseReviewId,
      { id: 'abc' },
      'id must be a review id',
    ],
    ['a review id of 0', parseReviewId, { id: '0' }, 'id must be a review id'],
    [
      'a fractional review id',
      parseReviewId,
      { id: '1.5' },
      'id must be a review id',
    ],
    [
      'a review id beyond the database integers',
      parseReviewId,
      { id: '99999999999' },
      'id must be a review id',
    ],
    [
      'a body that is not an object',
      parseWaiver,
      'waive it',
      'request must be a JSON object',
    ],
  ])('refuses %s with a 400 naming the field', (_, parse, input, message) => {
    let error: unknown;
    try {
      parse(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(message);
  });

  it('accepts calendar dates and ISO timestamps, as UTC unless an offset is named', () => {
    expect(parseAttestation(attestation)).toEqual({
      ...attestation,
      expiresAt: Date.UTC(2030, 0, 15),
    });
    expect(
      parseWaiver({ ...waiver, expiresAt: '2028-02-29T10:30:00' }).expiresAt,
    ).toBe(Date.UTC(2028, 1, 29, 10, 30));
    expect(
      parseWaiver({ ...waiver, expiresAt: '2030-01-15T10:30:00+02:00' })
        .expiresAt,
    ).toBe(Date.UTC(2030, 0, 15, 8, 30));
    expect(parseReview({ ...review, targetDate: '2028-02-29' })).toEqual({
      targetDate: '2028-02-29',
      reviewers: ['group:default/sre'],
    });
    expect(parseReview({ reviewers: ['group:default/sre'] })).toEqual({
      reviewers: ['group:default/sre'],
    });
  });

  it('accepts texts at their length limits and trims waiver reasons', () => {
    expect(
      parseAttestation({
        ...attestation,
        itemId: long(255),
        comment: long(2000),
        evidence: [`http://docs.example.com/${long(2000)}`],
      }),
    ).toMatchObject({ itemId: long(255), comment: long(2000) });
    expect(parseWaiver({ ...waiver, reason: `  ${long(2000)}  ` }).reason).toBe(
      long(2000),
    );
    expect(parseReviewAction({ action: 'comment', text: long(4000) })).toEqual({
      action: 'comment',
      text: long(4000),
    });
    expect(parseReview({ reviewers: [long(255)] }).reviewers).toEqual([
      long(255),
    ]);
    expect(parseReviewId({ id: '42' })).toBe(42);
  });
});
