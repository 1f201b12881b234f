/** Entity kinds that carry a reliability profile. */
export const PROFILE_KINDS = ['component', 'system', 'api', 'resource'];

/** Whether an entity page should show the Reliability tab and card. */
export function hasReliabilityProfile(entity: { kind: string }): boolean {
  return PROFILE_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}

/** Entity kinds with a Reliability tab: the profile kinds, and domains (the rollup of their systems). */
export const RELIABILITY_TAB_KINDS = [...PROFILE_KINDS, 'domain'];

/** Whether an entity page should show the Reliability tab (not the card: a Domain has no profile). */
export function hasReliabilityTab(entity: { kind: string }): boolean {
  return RELIABILITY_TAB_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}
