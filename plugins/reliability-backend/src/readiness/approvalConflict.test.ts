import { approvalConflict } from './approvalConflict';

describe('approvalConflict', () => {
  it('allows approval when no required item is failing or pending', () => {
    expect(approvalConflict({ blocking: [], pending: [] })).toBeUndefined();
  });

  it('names failing items as before', () => {
    expect(approvalConflict({ blocking: ['rollback'], pending: [] })).toBe(
      'cannot approve: required items are failing: rollback',
    );
  });

  it('waits on pending items without calling them failing', () => {
    expect(
      approvalConflict({ blocking: [], pending: ['slos-defined', 'alerts'] }),
    ).toBe(
      "cannot approve yet: required items are pending, not checked yet, until the entity's SLO definitions are read and measured: slos-defined, alerts",
    );
  });

  it('names both when some items fail and others are pending', () => {
    expect(
      approvalConflict({
        blocking: ['rollback'],
        pending: ['slos-measurable'],
      }),
    ).toBe(
      "cannot approve: required items are failing: rollback; required items pending, not checked yet, until the entity's SLO definitions are read and measured: slos-measurable",
    );
  });
});
