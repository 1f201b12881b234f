import { ConfigReader } from '@backstage/config';
import {
  deployGateRulesFor,
  policyFor,
  readReliabilitySettings,
} from './config';

const settingsOf = (reliability: object) =>
  readReliabilitySettings(new ConfigReader({ reliability }));

describe('per-tier settings (keys are tier levels)', () => {
  it('reads the deploy gate per tier and falls back to the default', () => {
    const { deployGate } = settingsOf({
      deployGate: {
        onUnmeasurable: 'allow',
        onUnmeasurableByTier: { '0': 'refuse', '1': 'refuse' },
      },
    });
    expect(deployGate).toEqual({
      onDefinitionProblem: 'refuse',
      onUnmeasurable: 'allow',
      onUnmeasurableByTier: { 0: 'refuse', 1: 'refuse' },
    });
    expect(
      deployGateRulesFor(deployGate, { sloFilePatterns: [], tierLevel: 0 }),
    ).toEqual({ onDefinitionProblem: 'refuse', onUnmeasurable: 'refuse' });
    expect(
      deployGateRulesFor(deployGate, { sloFilePatterns: [], tierLevel: 2 }),
    ).toEqual({ onDefinitionProblem: 'refuse', onUnmeasurable: 'allow' });
  });

  it('reads the error-budget policy per tier', () => {
    const { policy } = settingsOf({
      errorBudgetPolicies: { strict: { green: { minRemaining: 0.75 } } },
      errorBudgetPolicyByTier: { '0': 'strict' },
    });
    expect(
      policyFor(policy, { sloFilePatterns: [], tierLevel: 0 }).green
        .minRemaining,
    ).toBe(0.75);
    expect(
      policyFor(policy, { sloFilePatterns: [], tierLevel: 1 }).green
        .minRemaining,
    ).toBe(0.5);
  });

  it.each([
    [
      { deployGate: { onUnmeasurableByTier: { '0': 'maybe' } } },
      'reliability.deployGate.onUnmeasurableByTier.0 must be allow or refuse, got "maybe"',
    ],
    [
      { deployGate: { onDefinitionProblem: 'ignore' } },
      'reliability.deployGate.onDefinitionProblem must be allow or refuse, got "ignore"',
    ],
    [
      { errorBudgetPolicyByTier: { '1': 'lenient' } },
      'reliability.errorBudgetPolicyByTier.1 must name a policy of reliability.errorBudgetPolicies (default), got "lenient"',
    ],
    [
      { deployGate: { onUnmeasurableByTier: { gold: 'refuse' } } },
      'reliability.deployGate.onUnmeasurableByTier keys must be tier levels such as "0", got "gold"',
    ],
  ])('refuses %j at start-up with a clear message', (reliability, message) => {
    expect(() => settingsOf(reliability)).toThrow(message);
  });
});

describe('pipeline settings', () => {
  it('defaults to a 5-minute cycle, 10-minute timeout and a 15-second quiet catalog, at most 10 minutes', () => {
    const settings = settingsOf({});
    expect([
      settings.refreshIntervalMinutes,
      settings.evaluationIntervalMinutes,
      settings.pipeline,
    ]).toEqual([
      5,
      5,
      {
        timeoutMinutes: 10,
        catalogMaxWaitMinutes: 10,
        catalogQuietSeconds: 15,
      },
    ]);
  });

  it.each([
    [
      { evaluation: { intervalMinutes: 0 } },
      'reliability.evaluation.intervalMinutes must be above 0, got 0',
    ],
    [
      { definitions: { refreshIntervalMinutes: -5 } },
      'reliability.definitions.refreshIntervalMinutes must be above 0, got -5',
    ],
    [
      { pipeline: { timeoutMinutes: 0 } },
      'reliability.pipeline.timeoutMinutes must be above 0, got 0',
    ],
    [
      { pipeline: { startup: { catalogMaxWaitMinutes: -1 } } },
      'reliability.pipeline.startup.catalogMaxWaitMinutes must be 0 or more, got -1',
    ],
  ])('refuses %j at start-up with a clear message', (reliability, message) => {
    expect(() => settingsOf(reliability)).toThrow(message);
  });
});
