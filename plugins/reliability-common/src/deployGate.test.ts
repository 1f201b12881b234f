import { decideDeployGate } from './deployGate';
import { DEFAULT_ERROR_BUDGET_POLICY, PolicyState } from './math/policy';
import { SloFigures, SloStatus } from './status';

function policyStateOf(remainingFraction: number | undefined): PolicyState {
  if (remainingFraction === undefined) return 'nodata';
  return remainingFraction >= 0.5 ? 'green' : 'red';
}

const figures = (remainingFraction: number | undefined): SloFigures => ({
  target: 0.999,
  sli: remainingFraction === undefined ? undefined : 0.9995,
  windowStart: 0,
  windowEnd: 1,
  budget: { unit: 'events', remainingFraction, overspent: false },
  burnRates: [],
  policyState: policyStateOf(remainingFraction),
  history: [],
  measuredAt: 1000,
});

const ok = (sloName: string, remaining: number): SloStatus => ({
  sloName,
  state: 'ok',
  figures: figures(remaining),
});

const decide = (
  statuses: SloStatus[],
  extra: Partial<Parameters<typeof decideDeployGate>[0]> = {},
) => {
  const d = decideDeployGate({
    entityRef: 'component:default/svc',
    statuses,
    policy: DEFAULT_ERROR_BUDGET_POLICY,
    // A minute after the figures were measured, evaluated every 5 minutes: current.
    now: 61_000,
    evaluationIntervalMs: 300_000,
    ...extra,
  });
  return {
    allowed: d.allowed,
    riskLevel: d.riskLevel,
    reason: d.reason,
    unmeasurable: d.unmeasurable.map(
      u => `${u.choice} ${u.cause} ${u.slo ?? '-'}`,
    ),
    warnings: d.warnings,
  };
};

const unreadable = {
  file: 'catalog-info.yaml',
  line: 7,
  field: 'metadata.annotations.reliability-suite.io/slo-files',
  message:
    'invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
  unreadable: true,
};

describe('decideDeployGate with SLOs it cannot measure', () => {
  it('refuses by default when a definition cannot be read, instead of answering from the stored one', () => {
    expect(
      decide([ok('availability', 0.9)], { problems: [unreadable] }),
    ).toEqual({
      allowed: false,
      riskLevel: 'high',
      reason:
        'Refused: SLO definition cannot be measured: catalog-info.yaml:7 metadata.annotations.reliability-suite.io/slo-files: invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
      unmeasurable: ['refuse definition -'],
      warnings: [],
    });
  });

  it('refuses for an invalid SLO and counts the others', () => {
    const invalid = {
      file: 'slo/a.yaml',
      line: 3,
      field: 'spec.objectives[0].target',
      message: 'must be < 1',
      sloDefinition: true,
    };
    expect(
      decide([ok('availability', 0.9)], { problems: [invalid, invalid] })
        .reason,
    ).toBe(
      'Refused: SLO definition cannot be measured: slo/a.yaml:3 spec.objectives[0].target: must be < 1 (and 1 more)',
    );
  });

  it('ignores profile problems that cost no SLO', () => {
    const tier = {
      file: 'catalog-info.yaml',
      field: 'metadata.annotations.reliability-suite.io/tier',
      message: '"x" is not a tier',
    };
    expect(
      decide([ok('availability', 0.9)], { problems: [tier] }).allowed,
    ).toBe(true);
  });

  it('lets an emergency override through a definition refusal, and says both', () => {
    const d = decide([ok('availability', 0.9)], {
      problems: [unreadable],
      override: {
        reason: 'hotfix',
        createdBy: 'user:default/ann',
        createdAt: 1,
        expiresAt: 2,
      },
    });
    expect([d.allowed, d.reason]).toEqual([
      true,
      'Emergency override by user:default/ann: hotfix (SLO definition cannot be measured: catalog-info.yaml:7 metadata.annotations.reliability-suite.io/slo-files: invalid YAML: aliases expand to more than 100 copies (an alias bomb))',
    ]);
  });

  it('can allow definition problems with a warning', () => {
    expect(
      decide([ok('availability', 0.9)], {
        problems: [unreadable],
        rules: { onDefinitionProblem: 'allow', onUnmeasurable: 'allow' },
      }).warnings,
    ).toEqual([
      'Allowed although SLO definition cannot be measured: catalog-info.yaml:7 metadata.annotations.reliability-suite.io/slo-files: invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
    ]);
  });

  const outage: SloStatus = {
    sloName: 'latency',
    state: 'degraded',
    error: 'metric source "default" timed out',
    figures: figures(0.8),
  };
  const quiet: SloStatus = {
    sloName: 'quiet',
    state: 'ok',
    figures: figures(undefined),
  };
  const pending: SloStatus = { sloName: 'new', state: 'pending' };

  it('allows a source outage, no traffic and pending SLOs by default, with a warning each', () => {
    expect(decide([ok('availability', 0.9), outage, quiet, pending])).toEqual({
      allowed: true,
      // Allowed, but not measured throughout: not a low-risk answer.
      riskLevel: 'medium',
      reason:
        'Normal operations: proceed with deployment (latency has 80.0% of its error budget left)',
      unmeasurable: [
        'allow source latency',
        'allow no-traffic quiet',
        'allow pending new',
      ],
      warnings: [
        'Allowed although latency: metric source unavailable (the last evaluation failed: metric source "default" timed out)',
        'Allowed although quiet: no traffic in the window',
        'Allowed although new: not evaluated yet',
      ],
    });
  });

  it('refuses them when the tier says so', () => {
    expect(
      decide([ok('availability', 0.9), outage], {
        rules: { onDefinitionProblem: 'refuse', onUnmeasurable: 'refuse' },
      }),
    ).toEqual({
      allowed: false,
      riskLevel: 'high',
      reason:
        'Refused: latency: metric source unavailable (the last evaluation failed: metric source "default" timed out)',
      unmeasurable: ['refuse source latency'],
      warnings: [],
    });
  });

  it('says when an entity’s definitions have not been read yet, and follows onUnmeasurable', () => {
    expect(decide([], { definitionsPending: true })).toEqual({
      allowed: true,
      riskLevel: 'medium',
      reason: 'SLO definitions not read yet: deploy with care',
      unmeasurable: ['allow pending -'],
      warnings: ['Allowed although SLO definitions not read yet'],
    });
    expect(
      decide([], {
        definitionsPending: true,
        rules: { onDefinitionProblem: 'refuse', onUnmeasurable: 'refuse' },
      }),
    ).toEqual({
      allowed: false,
      riskLevel: 'high',
      reason: 'Refused: SLO definitions not read yet',
      unmeasurable: ['refuse pending -'],
      warnings: [],
    });
  });

  it('says how current the figures it decided on are, and treats a missed evaluation as a source outage', () => {
    const status = ok('availability', 0.8);
    const current = decideDeployGate({
      entityRef: 'component:default/svc',
      statuses: [status],
      policy: DEFAULT_ERROR_BUDGET_POLICY,
      now: 61_000,
      evaluationIntervalMs: 300_000,
    });
    expect([current.allowed, current.riskLevel, current.freshness]).toEqual([
      true,
      'low',
      { measuredAt: 1000, ageMs: 60_000, stale: false },
    ]);
    // Three hours later the pipeline has not measured it again.
    const later = 1000 + 3 * 3_600_000;
    expect(decide([status], { now: later })).toEqual({
      allowed: true,
      riskLevel: 'medium',
      reason:
        'Normal operations: proceed with deployment (availability has 80.0% of its error budget left)',
      unmeasurable: ['allow stale availability'],
      warnings: [
        'Allowed although availability: figures measured 3 h ago, older than two evaluation intervals',
      ],
    });
    expect(
      decide([status], {
        now: later,
        rules: { onDefinitionProblem: 'refuse', onUnmeasurable: 'refuse' },
      }).reason,
    ).toBe(
      'Refused: availability: figures measured 3 h ago, older than two evaluation intervals',
    );
    // A failed evaluation: the last good figures are stale whatever their age.
    const failing = decideDeployGate({
      entityRef: 'component:default/svc',
      statuses: [{ ...status, state: 'degraded', error: 'timed out' }],
      policy: DEFAULT_ERROR_BUDGET_POLICY,
      now: 61_000,
      evaluationIntervalMs: 300_000,
    });
    expect([failing.allowed, failing.riskLevel, failing.freshness]).toEqual([
      true,
      'medium',
      {
        measuredAt: 1000,
        ageMs: 60_000,
        stale: true,
        staleBecause: 'degraded',
      },
    ]);
  });
});
