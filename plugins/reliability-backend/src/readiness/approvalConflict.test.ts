import {
  DEFAULT_READINESS_ITEMS,
  ItemStatus,
} from '@reliability-suite/plugin-reliability-common';
import { approvalConflict } from './approvalConflict';

/** The default checklist; only the items' ids and titles matter here. */
const items: ItemStatus[] = DEFAULT_READINESS_ITEMS.map(item => ({
  item,
  required: true,
  state: 'passing',
  reason: '',
}));

describe('approvalConflict', () => {
  it('allows approval when no required item is failing or pending', () => {
    expect(
      approvalConflict({ blocking: [], pending: [], items }),
    ).toBeUndefined();
  });

  it('names failing items by their titles', () => {
    expect(
      approvalConflict({ blocking: ['rollback'], pending: [], items }),
    ).toBe('cannot approve: required items are failing: Rollback readiness');
  });

  it('waits on pending items without calling them failing', () => {
    expect(
      approvalConflict({
        blocking: [],
        pending: ['slos-defined', 'alerts'],
        items,
      }),
    ).toBe(
      "cannot approve yet: required items are pending, not checked yet, until the entity's SLO definitions are read and measured: SLOs defined, Burn-rate alerts",
    );
  });

  it('names both when some items fail and others are pending', () => {
    expect(
      approvalConflict({
        blocking: ['rollback', 'dashboards'],
        pending: ['slos-measurable'],
        items,
      }),
    ).toBe(
      "cannot approve: required items are failing: Rollback readiness, Dashboards; required items pending, not checked yet, until the entity's SLO definitions are read and measured: SLOs measurable",
    );
  });

  it('keeps the id of an item the checklist does not list', () => {
    expect(approvalConflict({ blocking: ['gone'], pending: [], items })).toBe(
      'cannot approve: required items are failing: gone',
    );
  });
});
