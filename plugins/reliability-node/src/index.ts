/**
 * Node library of the Reliability Suite, shared by the backend plugin and the catalog module.
 *
 * @packageDocumentation
 */
export {
  definitionsUnchanged,
  readEntityDefinitions,
} from './readEntityDefinitions';
export { DefinitionFileCache } from './DefinitionFileCache';
export type {
  CachedFile,
  DefinitionFileCacheOptions,
  DefinitionFileCacheStats,
} from './DefinitionFileCache';
export { definitionFileCacheServiceRef } from './definitionFileCacheService';
export type {
  DefinitionReadContext,
  DefinitionReadRecord,
  EntityDefinitions,
} from './readEntityDefinitions';
export type { FileRead } from './entityFiles';
export { readinessChecksExtensionPoint } from './extensions';
export type {
  ReadinessCheck,
  ReadinessChecksExtensionPoint,
} from './extensions';
export {
  createReliabilityConditionalDecision,
  isEntityOwner,
  reliabilityConditions,
  reliabilityEntityResourceRef,
  reliabilityPermissionRules,
} from './permissionRules';
export type { OwnershipQuery } from './permissionRules';
