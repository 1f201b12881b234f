import { Entity } from '@backstage/catalog-model';
import { hasScorecardRow } from './ScorecardProjector';

const entity = (kind: string, metadata: Partial<Entity['metadata']> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', ...metadata },
  spec: {},
});

describe('hasScorecardRow', () => {
  it.each(['Component', 'API', 'Resource'])('projects every %s', kind => {
    expect(hasScorecardRow(entity(kind))).toBe(true);
  });

  it('leaves out a System without a profile of its own: it is the rollup of its parts', () => {
    expect(hasScorecardRow(entity('System'))).toBe(false);
  });

  it('projects a System that declares a tier of its own', () => {
    expect(
      hasScorecardRow(
        entity('System', {
          annotations: { 'reliability-suite.io/tier': '1' },
        }),
      ),
    ).toBe(true);
  });

  it.each(['Domain', 'Group', 'User'])('never projects a %s', kind => {
    expect(hasScorecardRow(entity(kind))).toBe(false);
  });
});
