import { ReliabilityApi } from '../api/ReliabilityApi';

/**
 * A `ReliabilityApi` for component tests: every method is a jest mock answering `undefined`,
 * except those a test gives.
 */
export function mockReliabilityApi(
  overrides: Partial<jest.Mocked<ReliabilityApi>> = {},
): jest.Mocked<ReliabilityApi> {
  return {
    getProfile: jest.fn(),
    getSlos: jest.fn(),
    evaluateNow: jest.fn(),
    getPrometheusRules: jest.fn(),
    getReadiness: jest.fn(),
    getReadinessEvents: jest.fn(),
    attest: jest.fn(),
    waive: jest.fn(),
    openReview: jest.fn(),
    actOnReview: jest.fn(),
    getScorecard: jest.fn(),
    getScorecardRollups: jest.fn(),
    getScorecardTrends: jest.fn(),
    getWeeklyReview: jest.fn(),
    exportScorecard: jest.fn(),
    ...overrides,
  };
}
