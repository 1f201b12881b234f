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
} from './plugin';
export { hasReliabilityProfile } from './entityFilter';
export { reliabilityApiRef } from './api/ReliabilityApi';
export type {
  ReliabilityApi,
  AttestationRequest,
  WaiverRequest,
  LaunchReviewRequest,
  ReviewActionRequest,
} from './api/ReliabilityApi';
export { ReliabilityClient } from './api/ReliabilityClient';
