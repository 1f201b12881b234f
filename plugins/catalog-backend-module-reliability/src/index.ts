/**
 * Catalog module that validates the Reliability Suite profile of each entity.
 *
 * @packageDocumentation
 */
export { catalogModuleReliability as default } from './module';
export {
  ReliabilityEntityProcessor,
  RELIABILITY_ERROR_NAME,
} from './ReliabilityEntityProcessor';
export type { ReliabilityEntityProcessorOptions } from './ReliabilityEntityProcessor';
