/** Entity kinds that carry a reliability profile. */
export const PROFILE_KINDS = ['component', 'system', 'api', 'resource'];

/** Whether an entity page should show the Reliability tab and card. */
export function hasReliabilityProfile(entity: { kind: string }): boolean {
  return PROFILE_KINDS.includes(entity.kind.toLocaleLowerCase('en-US'));
}
