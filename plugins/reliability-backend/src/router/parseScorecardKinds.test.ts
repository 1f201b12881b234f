import { DEFAULT_TIERS } from '@reliability-suite/plugin-reliability-common';
import { scorecardRequestParsers } from './parseScorecardRequests';

const parsers = scorecardRequestParsers(DEFAULT_TIERS);

describe('the scorecard kind and type filters', () => {
  it('takes kinds and types as lists, in any case', () => {
    const query = { kind: 'Component,API', type: ['Service', 'website'] };
    for (const { filter } of [
      parsers.page(query),
      parsers.export(query),
      parsers.rollups({ ...query, by: 'tier' }),
    ]) {
      expect([filter.kinds, filter.types]).toEqual([
        ['component', 'api'],
        ['service', 'website'],
      ]);
    }
  });

  it('leaves them out when not given', () => {
    const { filter } = parsers.page({});
    expect([filter.kinds, filter.types]).toEqual([undefined, undefined]);
  });

  it('refuses a kind without rows, naming the field and the kinds', () => {
    expect(() => parsers.page({ kind: 'component,domain' })).toThrow(
      'kind.1 must be one of component, api, resource, system',
    );
  });

  it('refuses a type longer than a catalog type', () => {
    expect(() => parsers.page({ type: 'x'.repeat(65) })).toThrow(
      'type.0 must be at most 64 characters',
    );
  });
});
