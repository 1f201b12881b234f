import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import {
  CheckResult,
  DEFAULT_READINESS_ITEMS,
  EntityReadiness,
  ReadinessEvent,
} from '@reliability-suite/plugin-reliability-common';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { withPermissions } from '../permissions/__testUtils__/withPermissions';
import { mockReliabilityApi } from '../testApi';
import { checkoutEntity } from '../testProfiles';
import { ReadinessContent } from './ReadinessContent';
import {
  NOW,
  checkoutEvents,
  checkoutReadiness,
  inReview,
  readinessWith,
} from './testReadiness';

// Dialog interactions are slow on a loaded 2-core CI machine; the default 5 s is too tight.
jest.setTimeout(60_000);

/** Every automatic check passes. */
const allPassing: CheckResult[] = DEFAULT_READINESS_ITEMS.filter(
  i => i.kind === 'automatic',
).map(({ id }) => ({ itemId: id, passed: true, reason: `${id} is in place` }));

const rollbackAttested: ReadinessEvent = {
  id: 6,
  entityRef: 'component:default/checkout',
  type: 'item.attested',
  actor: 'user:default/dan',
  at: NOW - 1000,
  itemId: 'rollback',
  data: {
    evidence: ['https://wiki.example.com/rollback'],
    expiresAt: Date.parse('2027-02-21'),
  },
};

/** checkout in review with every required item passing or waived: the checklist allows approval. */
const approvable = readinessWith(
  [...checkoutEvents, rollbackAttested],
  inReview,
  allPassing,
);

/** The pending entity's SLO items, nothing failing. */
const waitingOnly = readinessWith(
  [...checkoutEvents, rollbackAttested],
  inReview,
  allPassing.map(result =>
    result.itemId === 'slos-measurable'
      ? { ...result, passed: false, pending: true, reason: 'Pending' }
      : result,
  ),
);

async function render(readiness: EntityReadiness, deny: string[] = []) {
  const api = mockReliabilityApi({
    getReadiness: jest.fn().mockResolvedValue(readiness),
  });
  const { element, asked } = withPermissions(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={checkoutEntity}>
        <ReadinessContent />
      </EntityProvider>
    </TestApiProvider>,
    deny,
  );
  await renderInTestApp(element, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  await screen.findByText('Production readiness');
  return { api, asked };
}

/** A button once the viewer's permissions have been checked: enabled, or disabled with a reason. */
async function settled(name: string) {
  const button = screen.getByRole('button', { name });
  await waitFor(() =>
    expect(button).not.toHaveAccessibleDescription(
      'Checking your permissions…',
    ),
  );
  return button;
}

/** A backend error answer, as `ReliabilityClient` turns it into an exception. */
function responseError(status: number, statusText: string, message: string) {
  return ResponseError.fromResponse({
    status,
    statusText,
    url: 'http://localhost/api/reliability',
    headers: new Headers({ 'Content-Type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: `${statusText}Error`, message },
        request: { method: 'POST', url: '/api/reliability' },
        response: { statusCode: status },
      }),
  } as Response);
}

describe('Readiness actions the viewer may not take', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => jest.restoreAllMocks());

  it('asks about each action for this entity, and offers every action to a viewer allowed all', async () => {
    const { asked } = await render(approvable);
    for (const name of [
      'Attest Rollback readiness',
      'Waive Dashboards',
      'Approve',
      'Block',
    ]) {
      const button = await settled(name);
      expect(button).toBeEnabled();
      expect(button).not.toHaveAccessibleDescription(/./);
    }
    expect(
      [...new Set(asked.map(a => `${a.permission} ${a.resourceRef}`))].sort(),
    ).toEqual([
      'reliability.readiness.attest component:default/checkout',
      'reliability.review.create component:default/checkout',
      'reliability.review.decide component:default/checkout',
      'reliability.waiver.approve component:default/checkout',
    ]);
  });

  it("disables Attest on another team's service with the reason, before any form is filled", async () => {
    await render(checkoutReadiness, ['reliability.readiness.attest']);
    const attest = await settled('Attest Rollback readiness');
    expect(attest).toBeDisabled();
    expect(attest).toHaveAccessibleDescription(
      'Only owners of this entity may attest items (permission reliability.readiness.attest)',
    );
    fireEvent.click(attest);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await settled('Waive Dashboards')).toBeEnabled();
  });

  it('disables Waive for those who are not SRE leads', async () => {
    await render(checkoutReadiness, ['reliability.waiver.approve']);
    const waive = await settled('Waive Security review');
    expect(waive).toBeDisabled();
    expect(waive).toHaveAccessibleDescription(
      'Only SRE leads may waive items (permission reliability.waiver.approve)',
    );
    expect(await settled('Attest Rollback readiness')).toBeEnabled();
  });

  it('disables Approve and Block for those who are not reviewers, saying so before the checklist', async () => {
    await render(approvable, ['reliability.review.decide']);
    const reason =
      'Only launch reviewers may approve or block a launch review (permission reliability.review.decide)';
    for (const name of ['Approve', 'Block']) {
      const button = await settled(name);
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(reason);
    }
  });

  it('disables Open launch review for those who are not owners', async () => {
    await render(readinessWith(checkoutEvents, undefined), [
      'reliability.review.create',
    ]);
    const open = await settled('Open launch review');
    expect(open).toBeDisabled();
    expect(open).toHaveAccessibleDescription(
      'Only owners of this entity may open, submit or reopen a launch review (permission reliability.review.create)',
    );
  });

  it('disables Approve while required items are pending, naming them by title', async () => {
    await render(waitingOnly);
    const approve = await settled('Approve');
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription(
      'Cannot approve until required items are checked: SLOs measurable',
    );
  });

  it('approves when the checklist allows it, and shows a refusal the backend still gives (four-eyes rule)', async () => {
    const { api } = await render(approvable);
    api.actOnReview.mockRejectedValue(
      await responseError(
        409,
        'Conflict',
        'cannot approve: user:default/ann opened this review; another reviewer must approve (four-eyes rule)',
      ),
    );
    fireEvent.click(await settled('Approve'));
    expect(
      await screen.findByText(
        'cannot approve: user:default/ann opened this review; another reviewer must approve (four-eyes rule)',
      ),
    ).toBeInTheDocument();
    expect(api.actOnReview).toHaveBeenCalledWith(7, { action: 'approve' });
  });

  it('names a refused field by its label in the dialog: the first evidence link, not evidence.0', async () => {
    const { api } = await render(checkoutReadiness);
    api.attest.mockRejectedValue(
      await responseError(
        400,
        'BadRequest',
        'evidence.0 must be an http: or https: link',
      ),
    );
    fireEvent.click(await settled('Attest Rollback readiness'));
    const dialog = within(screen.getByRole('dialog'));
    fireEvent.change(dialog.getByLabelText(/^Evidence links/), {
      target: { value: 'wiki/rollback' },
    });
    fireEvent.click(dialog.getByRole('button', { name: 'Save attestation' }));
    expect(
      await dialog.findByText(
        'Evidence link 1 must be an http: or https: link',
      ),
    ).toBeInTheDocument();
    expect(dialog.queryByText(/evidence\.0/)).not.toBeInTheDocument();
  });
});
