import { approvalBlocker } from './approvalBlocker';
import { checkoutReadiness, pendingReadiness } from './testReadiness';

describe('approvalBlocker', () => {
  it('names the failing required items by title, in checklist order', () => {
    expect(approvalBlocker(checkoutReadiness.summary)).toBe(
      'Cannot approve while required items fail: Dashboards, Rollback readiness',
    );
  });

  it('names pending items only when nothing fails', () => {
    expect(approvalBlocker(pendingReadiness.summary)).toBe(
      'Cannot approve while required items fail: Dashboards, Rollback readiness',
    );
    expect(approvalBlocker({ ...pendingReadiness.summary, blocking: [] })).toBe(
      'Cannot approve until required items are checked: SLOs defined, SLOs measurable, Burn-rate alerts',
    );
  });

  it('stands nowhere in the way of a checklist that allows approval', () => {
    expect(
      approvalBlocker({
        ...checkoutReadiness.summary,
        blocking: [],
        pending: [],
      }),
    ).toBeUndefined();
  });
});
