import { isService } from './services';
import {
  formatSlosMeetingTarget,
  slosMeetingTarget,
} from './slosMeetingTarget';

describe('isService', () => {
  it.each([
    [{ kind: 'Component', type: 'service' }, true],
    [{ kind: 'component', type: 'Service' }, true],
    [{ kind: 'Component', type: 'website' }, false],
    [{ kind: 'Component' }, false],
    [{ kind: 'System', type: 'service' }, false],
    [{ kind: 'API', type: 'service' }, false],
  ])('%j is a service: %s', (entity, expected) => {
    expect(isService(entity)).toBe(expected);
  });
});

describe('slosMeetingTarget', () => {
  it('counts the measured SLOs and those meeting their target; an SLO without data is neither', () => {
    expect(
      slosMeetingTarget([
        { attained: true },
        { attained: false },
        { attained: undefined },
        { attained: true },
      ]),
    ).toEqual({ met: 2, measured: 3 });
  });

  it('writes n/m, and says when nothing was measured instead of 0/0', () => {
    expect(
      formatSlosMeetingTarget({ slosMeetingTarget: 27, slosMeasured: 31 }),
    ).toBe('27/31');
    expect(
      formatSlosMeetingTarget({ slosMeetingTarget: 0, slosMeasured: 0 }),
    ).toBe('none measured');
  });
});
