import type { ScorecardFilter } from './types';

/** Entity kinds that have rows on the scorecard, in lower case as its `kind` filter takes them. */
export const SCORECARD_KINDS = ['component', 'api', 'resource', 'system'];

/**
 * What the scorecard calls a service: a Component of `spec.type` service (in any case). The
 * coverage figures count these; `SERVICES_FILTER` lists them.
 */
export function isService(entity: { kind: string; type?: string }): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    entity.type?.toLocaleLowerCase('en-US') === 'service'
  );
}

/** The scorecard filter of the services (`isService`). */
export const SERVICES_FILTER: Required<
  Pick<ScorecardFilter, 'kinds' | 'types'>
> = { kinds: ['component'], types: ['service'] };
