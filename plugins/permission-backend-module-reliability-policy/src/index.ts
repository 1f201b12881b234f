/**
 * Sample permission policy of the Reliability Suite, as a permission backend module.
 *
 * @packageDocumentation
 */
export { permissionModuleReliabilityPolicy as default } from './module';
export {
  ReliabilityPolicy,
  readReliabilityPolicyGroups,
} from './ReliabilityPolicy';
export type { ReliabilityPolicyOptions } from './ReliabilityPolicy';
