/**
 * Types, tier model and the parser of reliability definitions (OpenSLO v1 and the inline form),
 * shared by the frontend, the backend and the catalog module. Pure: no I/O.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './duration';
export * from './links';
export * from './problems';
export * from './promql';
export * from './thresholdUnit';
export * from './promqlSelector';
export * from './sliQueryChecks';
export * from './windowChecks';
export * from './slo';
export * from './tiers';
export * from './yamlSource';
export { parseOpenSloFiles } from './openslo/parseOpenSloFiles';
export type { SourceFile, ParsedSlos } from './openslo/parseOpenSloFiles';
export { parseInlineSlos, INLINE_SLOS_PATH } from './inline/parseInlineSlos';
export { readEntitySettings, isCalendarDate } from './profile/entitySettings';
export type { EntityReliabilitySettings } from './profile/entitySettings';
export { resolveProfile } from './profile/resolveProfile';
export type {
  PagingLinkTemplates,
  ResolveProfileInput,
} from './profile/resolveProfile';
export * from './profile/types';
export * from './math';
export * from './status';
export * from './permissions';
export { windowStart } from './calendarWindow';
export * from './deployGate';
export * from './rules';
export * from './readiness';
export * from './scorecard';
export * from './freshness';
