import { DEFAULT_TIERS } from '@reliability-suite/plugin-reliability-common';
import { scorecardRequestParsers } from './parseScorecardRequests';

const parsers = scorecardRequestParsers(DEFAULT_TIERS);

describe('the scorecard alerts filter', () => {
  it.each([
    [{ alerts: 'not-deployed' }, true],
    [{ alerts: 'deployed' }, false],
    [{}, undefined],
  ])('%j filters alertsNotDeployed %s', (query, alertsNotDeployed) => {
    expect(parsers.page(query).filter.alertsNotDeployed).toBe(
      alertsNotDeployed,
    );
    expect(parsers.export(query).filter.alertsNotDeployed).toBe(
      alertsNotDeployed,
    );
  });

  it('refuses another value naming the field', () => {
    expect(() => parsers.page({ alerts: 'missing' })).toThrow(
      'alerts must be not-deployed or deployed',
    );
  });
});
