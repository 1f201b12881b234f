import {
  DEFAULT_READINESS_ITEMS,
  ReadinessEvent,
  projectReadiness,
} from '@reliability-suite/plugin-reliability-common';
import { fourEyesConflict } from './fourEyes';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2030, 0, 15);
const alice = 'user:default/alice';
const olga = 'user:default/olga';
const sam = 'user:default/sam';

let nextId = 1;
const attested = (
  actor: string,
  itemId: string,
  at: number,
  expiresAt: number,
): ReadinessEvent => ({
  id: nextId++,
  entityRef: 'component:default/checkout',
  type: 'item.attested',
  actor,
  at,
  itemId,
  data: { evidence: ['https://docs.example.com/x'], expiresAt },
});

/** The checklist as the service projects it from these events. */
const summary = (events: ReadinessEvent[]) =>
  projectReadiness(DEFAULT_READINESS_ITEMS, 1, [], events, now);

describe('fourEyesConflict', () => {
  it.each<[string, string, ReadinessEvent[], string | undefined]>([
    [
      'the opener',
      olga,
      [attested(alice, 'capacity', now - day, now + day)],
      'cannot approve: user:default/olga opened this review; another reviewer must approve (four-eyes rule)',
    ],
    [
      'an attester of two items',
      alice,
      [
        attested(alice, 'capacity', now - day, now + day),
        attested(alice, 'rollback', now - day, now + day),
      ],
      'cannot approve: user:default/alice attested Capacity and load test, Rollback readiness; another reviewer must approve (four-eyes rule)',
    ],
    [
      'the opener who also attested',
      olga,
      [attested(olga, 'security-review', now - day, now + day)],
      'cannot approve: user:default/olga opened this review and attested Security review; another reviewer must approve (four-eyes rule)',
    ],
    [
      'someone whose attestation was superseded by a later one',
      alice,
      [
        attested(alice, 'capacity', now - 2 * day, now + day),
        attested(sam, 'capacity', now - day, now + day),
      ],
      undefined,
    ],
    [
      'someone whose attestation has expired',
      alice,
      [attested(alice, 'capacity', now - 2 * day, now - day)],
      undefined,
    ],
    [
      'a reviewer who neither opened nor attested',
      sam,
      [attested(alice, 'capacity', now - day, now + day)],
      undefined,
    ],
  ])('answers for %s', (_, approver, events, expected) => {
    expect(
      fourEyesConflict({ createdBy: olga }, summary(events), approver),
    ).toBe(expected);
  });
});
