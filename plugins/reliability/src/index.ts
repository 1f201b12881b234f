/**
 * Frontend of the Reliability Suite. Apps on the new frontend system use the `/alpha` export;
 * legacy apps use these components in their EntityPage.
 *
 * @packageDocumentation
 */
export {
  reliabilityPlugin,
  EntityReliabilityContent,
  EntityReadinessContent,
  EntityReliabilityCard,
  ReliabilityScorecardPage,
} from './plugin';
export { scorecardRouteRef } from './routes';
export { hasReliabilityProfile, hasReliabilityTab } from './entityFilter';
export { reliabilityApiRef } from './api/ReliabilityApi';
export type {
  ReliabilityApi,
  AttestationRequest,
  DeployGateOverrideRequest,
  WaiverRequest,
  LaunchReviewRequest,
  ReviewActionRequest,
  ScorecardRollups,
  ScorecardTrendsFilter,
  ScorecardExportFormat,
} from './api/ReliabilityApi';
export type { ScorecardQuery, ScorecardOrder } from './api/scorecardParams';
export { ReliabilityClient } from './api/ReliabilityClient';
