/**
 * Backend plugin of the Reliability Suite.
 *
 * @packageDocumentation
 */
export { reliabilityPlugin as default } from './plugin';
export {
  createReliabilityConditionalDecision,
  reliabilityConditions,
  reliabilityEntityResourceRef,
} from '@reliability-suite/plugin-reliability-node';
