import { DEFAULT_TIERS } from '@reliability-suite/plugin-reliability-common';
import { ReliabilityApi } from '../api/ReliabilityApi';

/**
 * A `ReliabilityApi` for component tests: every method is a jest mock answering `undefined`
 * (`getTiers`: the default tiers), except those a test gives.
 */
export function mockReliabilityApi(
  overrides: Partial<jest.Mocked<ReliabilityApi>> = {},
): jest.Mocked<ReliabilityApi> {
  return {
    getProfile: jest.fn(),
    getSlos: jest.fn(),
    evaluateNow: jest.fn(),
    getPrometheusRules: jest.fn(),
    getAlerts: jest.fn(),
    getDeployGate: jest.fn(),
    getDeployGateOverrides: jest.fn(),
    overrideDeployGate: jest.fn(),
    getReadiness: jest.fn(),
    getReadinessEvents: jest.fn(),
    attest: jest.fn(),
    waive: jest.fn(),
    openReview: jest.fn(),
    actOnReview: jest.fn(),
    getOpenReviews: jest.fn(),
    getTiers: jest.fn().mockResolvedValue([...DEFAULT_TIERS]),
    getScorecard: jest.fn(),
    getScorecardRollups: jest.fn(),
    getScorecardTrends: jest.fn(),
    getWeeklyReview: jest.fn(),
    exportScorecard: jest.fn(),
    ...overrides,
  };
}
