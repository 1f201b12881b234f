import { DEFAULT_TIERS } from '../tiers';
import { ReliabilityProfile } from '../profile/types';
import { DEFAULT_READINESS_ITEMS } from './checklist';
import { runAutomaticChecks } from './automaticChecks';
import { ReadinessEvent } from './events';
import { projectReadiness } from './projection';
import { nextReviewState } from './review';

const DAY = 86_400_000;
const now = Date.parse('2026-11-23T12:00:00Z');

const profile: ReliabilityProfile = {
  entityRef: 'component:default/checkout',
  tier: DEFAULT_TIERS[1],
  owner: 'group:default/payments',
  onCall: {
    provider: 'pagerduty',
    label: 'PagerDuty service P1',
    source: 'entity',
    sourceRef: 'component:default/checkout',
  },
  runbooks: [
    { title: 'Runbook', url: 'https://runbooks.example.com/checkout' },
  ],
  dashboards: [],
  dr: {
    rtoMinutes: 60,
    rpoMinutes: 15,
    lastTested: '2026-09-14',
    nextTestDue: '2027-03-13',
  },
  slos: [
    {
      name: 'availability',
      indicator: { metric: { type: 'threshold', query: { query: 'up' } } },
      objectives: [{ target: 0.999 }],
      timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * DAY },
      budgetingMethod: 'Occurrences',
      alertPolicies: [],
      source: { format: 'inline', file: 'catalog-info.yaml' },
    },
  ],
  problems: [],
  missing: [
    {
      requirement: 'dashboards',
      message: 'No dashboard: add a metadata.links entry with type: dashboard',
    },
  ],
};

const automaticIds = DEFAULT_READINESS_ITEMS.filter(
  i => i.kind === 'automatic',
).map(i => i.id);

describe('automatic readiness checks', () => {
  it('says why each item passes or fails', () => {
    const results = runAutomaticChecks(automaticIds, {
      profile,
      sloStatuses: [
        { sloName: 'availability', state: 'degraded', error: 'down' },
      ],
      alertableSlos: [],
      dependencies: [
        { entityRef: 'resource:default/payments-db', tierLevel: 0 },
        { entityRef: 'component:default/fraud-detection', tierLevel: 2 },
      ],
    });
    expect(results).toEqual([
      {
        itemId: 'ownership',
        passed: true,
        reason: 'Owned by group:default/payments',
      },
      { itemId: 'on-call', passed: true, reason: 'Pages PagerDuty service P1' },
      { itemId: 'slos-defined', passed: true, reason: '1 SLO(s) defined' },
      {
        itemId: 'slos-measurable',
        passed: false,
        reason: 'Not measurable: availability (evaluation failing: down)',
      },
      { itemId: 'dashboards', passed: false, reason: 'No dashboard linked' },
      {
        itemId: 'alerts',
        passed: false,
        reason: 'No burn-rate rules can be generated for: availability',
      },
      { itemId: 'runbooks', passed: true, reason: '1 runbook(s) linked' },
      {
        itemId: 'dr-posture',
        passed: true,
        reason: 'RTO 60 min, RPO 15 min, tested 2026-09-14',
      },
      {
        itemId: 'dependency-tiers',
        passed: false,
        reason:
          'Depends on lower-tier components: component:default/fraud-detection (Tier 2)',
      },
    ]);
  });

  it('reports an item without a registered check as failing', () => {
    expect(
      runAutomaticChecks(['pci-scope'], {
        profile,
        sloStatuses: [],
        alertableSlos: [],
        dependencies: [],
      }),
    ).toEqual([
      {
        itemId: 'pci-scope',
        passed: false,
        reason: 'No check is registered for "pci-scope"',
      },
    ]);
  });
});

describe('automatic readiness checks of an entity whose definitions are pending', () => {
  const pendingProfile: ReliabilityProfile = {
    ...profile,
    slos: [],
    missing: [],
    pending: true,
  };

  it('reports the SLO items as pending, neither passing nor "No SLO defined", and checks the rest as usual', () => {
    const results = runAutomaticChecks(automaticIds, {
      profile: pendingProfile,
      sloStatuses: [],
      alertableSlos: [],
      dependencies: [],
    });
    const pending = {
      passed: false,
      pending: true,
      reason:
        'Pending: the SLO definitions of this entity have not been read yet',
    };
    expect(results).toEqual([
      {
        itemId: 'ownership',
        passed: true,
        reason: 'Owned by group:default/payments',
      },
      { itemId: 'on-call', passed: true, reason: 'Pages PagerDuty service P1' },
      { itemId: 'slos-defined', ...pending },
      { itemId: 'slos-measurable', ...pending },
      { itemId: 'dashboards', passed: false, reason: 'No dashboard linked' },
      { itemId: 'alerts', ...pending },
      { itemId: 'runbooks', passed: true, reason: '1 runbook(s) linked' },
      {
        itemId: 'dr-posture',
        passed: true,
        reason: 'RTO 60 min, RPO 15 min, tested 2026-09-14',
      },
      { itemId: 'dependency-tiers', passed: true, reason: 'No dependencies' },
    ]);
  });

  it('reports SLOs read but never measured as pending measurement, not as failing', () => {
    expect(
      runAutomaticChecks(['slos-measurable'], {
        profile: {
          ...profile,
          slos: [profile.slos[0], { ...profile.slos[0], name: 'latency' }],
        },
        sloStatuses: [{ sloName: 'availability', state: 'pending' }],
        alertableSlos: [],
        dependencies: [],
      }),
    ).toEqual([
      {
        itemId: 'slos-measurable',
        passed: false,
        pending: true,
        reason:
          'Pending: not measured yet: availability, latency (measured in the next evaluation cycle)',
      },
    ]);
  });

  it('still fails slos-measurable when one SLO is not measured yet and another has a failing source', () => {
    expect(
      runAutomaticChecks(['slos-measurable'], {
        profile: {
          ...profile,
          slos: [profile.slos[0], { ...profile.slos[0], name: 'latency' }],
        },
        sloStatuses: [
          { sloName: 'availability', state: 'pending' },
          { sloName: 'latency', state: 'degraded', error: 'down' },
        ],
        alertableSlos: [],
        dependencies: [],
      }),
    ).toEqual([
      {
        itemId: 'slos-measurable',
        passed: false,
        reason:
          'Not measurable: availability (not evaluated), latency (evaluation failing: down)',
      },
    ]);
  });

  it('never reports a passing result as pending, even when a custom check says so', () => {
    expect(
      runAutomaticChecks(
        ['custom-a', 'custom-b'],
        {
          profile: pendingProfile,
          sloStatuses: [],
          alertableSlos: [],
          dependencies: [],
        },
        {
          'custom-a': () => ({ passed: true, pending: true, reason: 'ok' }),
          'custom-b': () => ({ passed: false, pending: true, reason: 'later' }),
        },
      ),
    ).toEqual([
      { itemId: 'custom-a', passed: true, reason: 'ok' },
      { itemId: 'custom-b', passed: false, pending: true, reason: 'later' },
    ]);
  });
});

describe('projectReadiness', () => {
  const event = (
    id: number,
    type: ReadinessEvent['type'],
    itemId: string,
    at: number,
    data: ReadinessEvent['data'],
  ): ReadinessEvent => ({
    id,
    entityRef: profile.entityRef,
    type,
    actor: 'user:default/ann',
    at,
    itemId,
    data,
  });
  const automatic = runAutomaticChecks(automaticIds, {
    profile: {
      ...profile,
      dashboards: [{ title: 'd', url: 'https://grafana.example.com' }],
      missing: [],
    },
    sloStatuses: [
      {
        sloName: 'availability',
        state: 'ok',
        figures: { sli: 0.9995 } as never,
      },
    ],
    alertableSlos: ['availability'],
    dependencies: [],
  });

  it('counts attested manual items until their attestation expires, and waivers', () => {
    const events = [
      event(1, 'item.attested', 'capacity', now - 10 * DAY, {
        evidence: ['https://ci.example.com/load/42'],
        expiresAt: now + 80 * DAY,
      }),
      event(2, 'item.attested', 'rollback', now - 100 * DAY, {
        evidence: ['https://wiki.example.com/rollback'],
        expiresAt: now - DAY,
      }),
      event(3, 'item.waived', 'security-review', now - DAY, {
        reason: 'Review booked for 2026-12-01',
        expiresAt: now + 14 * DAY,
      }),
    ];
    const summary = projectReadiness(
      DEFAULT_READINESS_ITEMS,
      1,
      automatic,
      events,
      now,
    );
    const byId = Object.fromEntries(summary.items.map(s => [s.item.id, s]));
    expect(byId.capacity.state).toBe('passing');
    expect(byId.capacity.attestation?.evidence).toEqual([
      'https://ci.example.com/load/42',
    ]);
    expect(byId.rollback).toMatchObject({
      state: 'failing',
      reason: 'Attestation by user:default/ann expired on 2026-11-22',
    });
    expect(byId['security-review']).toMatchObject({
      state: 'waived',
      reason:
        'Waived by user:default/ann: Review booked for 2026-12-01 (Not attested)',
    });
    expect(summary.requiredCount).toBe(12);
    expect(summary.requiredPassing).toBe(10);
    expect(summary.score).toBeCloseTo(10 / 12, 10);
    expect(summary.blocking).toEqual(['rollback']);
    expect(summary.pending).toEqual([]);
  });

  it('counts pending items neither as passing nor as blocking: approval waits on them as pending, and a waiver in force still waives one', () => {
    const pendingAutomatic = runAutomaticChecks(automaticIds, {
      profile: {
        ...profile,
        dashboards: [{ title: 'd', url: 'https://grafana.example.com' }],
        slos: [],
        missing: [],
        pending: true,
      },
      sloStatuses: [],
      alertableSlos: [],
      dependencies: [],
    });
    const events = [
      event(1, 'item.attested', 'capacity', now - DAY, {
        evidence: ['https://ci.example.com/load/42'],
        expiresAt: now + 80 * DAY,
      }),
      event(2, 'item.attested', 'rollback', now - DAY, {
        evidence: ['https://wiki.example.com/rollback'],
        expiresAt: now + 80 * DAY,
      }),
      event(3, 'item.waived', 'alerts', now - DAY, {
        reason: 'Rules reviewed by hand',
        expiresAt: now + 14 * DAY,
      }),
    ];
    const summary = projectReadiness(
      DEFAULT_READINESS_ITEMS,
      1,
      pendingAutomatic,
      events,
      now,
    );
    const byId = Object.fromEntries(summary.items.map(s => [s.item.id, s]));
    expect(byId['slos-defined']).toMatchObject({
      state: 'pending',
      reason:
        'Pending: the SLO definitions of this entity have not been read yet',
    });
    expect(byId['slos-measurable'].state).toBe('pending');
    expect(byId.alerts).toMatchObject({
      state: 'waived',
      reason:
        'Waived by user:default/ann: Rules reviewed by hand (Pending: the SLO definitions of this entity have not been read yet)',
    });
    expect(summary.requiredCount).toBe(12);
    expect(summary.requiredPassing).toBe(8);
    expect(summary.score).toBeCloseTo(8 / 12, 10);
    expect(summary.blocking).toEqual(['security-review']);
    expect(summary.pending).toEqual(['slos-defined', 'slos-measurable']);
  });

  it('makes nothing required without a tier, and uses the latest event', () => {
    const events = [
      event(1, 'item.attested', 'capacity', now - 2 * DAY, {
        evidence: [],
        expiresAt: now - DAY,
      }),
      event(2, 'item.attested', 'capacity', now - DAY, {
        evidence: ['https://x'],
        expiresAt: now + DAY,
      }),
    ];
    const summary = projectReadiness(
      DEFAULT_READINESS_ITEMS,
      undefined,
      automatic,
      events,
      now,
    );
    expect(summary.requiredCount).toBe(0);
    expect(summary.score).toBeUndefined();
    expect(summary.items.find(s => s.item.id === 'capacity')?.state).toBe(
      'passing',
    );
  });
});

describe('review state machine', () => {
  it.each([
    ['draft', 'submit', { state: 'in_review' }],
    ['in_review', 'approve', { state: 'approved' }],
    ['in_review', 'block', { state: 'blocked' }],
    ['approved', 'reopen', { state: 'in_review' }],
    ['blocked', 'reopen', { state: 'in_review' }],
    ['blocked', 'comment', { state: 'blocked' }],
    ['draft', 'approve', { error: 'cannot approve a review that is draft' }],
    [
      'approved',
      'approve',
      { error: 'cannot approve a review that is approved' },
    ],
    ['approved', 'block', { error: 'cannot block a review that is approved' }],
    [
      'in_review',
      'reopen',
      { error: 'cannot reopen a review that is in review' },
    ],
  ] as const)('%s + %s → %j', (state, action, expected) => {
    expect(nextReviewState(state, action)).toEqual(expected);
  });
});
