import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import {
  DeployGateDecision,
  DeployGateOverride,
} from '@reliability-suite/plugin-reliability-common';
import { reliabilityApiRef } from '../../api/ReliabilityApi';
import { formatDateTime } from '../format';
import { withText } from '../testText';
import { withPermissions } from '../permissions/__testUtils__/withPermissions';
import { mockReliabilityApi } from '../testApi';
import { checkoutEntity } from '../testProfiles';
import { NOW } from '../testSlos';
import { DeployGatePanel } from './DeployGatePanel';
import {
  allowedDecision,
  annOverride,
  bobOverride,
  overriddenDecision,
  refusedDecision,
} from './testDeployGate';

// Dialog interactions are slow on a loaded 2-core CI machine; the default 5 s is too tight.
jest.setTimeout(60_000);

const HOUR = 3_600_000;
const checkoutRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'checkout',
};
const OVERRIDE_REASON =
  'Only owners of this entity and SREs may override the deploy gate (permission reliability.deploygate.override)';

async function render({
  decision = refusedDecision,
  overrides = [bobOverride],
  deny = [],
}: {
  decision?: DeployGateDecision;
  overrides?: DeployGateOverride[];
  deny?: string[];
} = {}) {
  const api = mockReliabilityApi({
    getDeployGate: jest.fn().mockResolvedValue(decision),
    getDeployGateOverrides: jest.fn().mockResolvedValue(overrides),
  });
  const { element, asked } = withPermissions(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={checkoutEntity}>
        <DeployGatePanel />
      </EntityProvider>
    </TestApiProvider>,
    deny,
  );
  await renderInTestApp(element, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  await screen.findByRole('group', { name: 'Deploy-gate decision' });
  return { api, asked };
}

/** The Override button once the viewer's permission has been checked. */
async function overrideButton() {
  const button = screen.getByRole('button', { name: 'Override' });
  await waitFor(() =>
    expect(button).not.toHaveAccessibleDescription(
      'Checking your permissions…',
    ),
  );
  return button;
}

/** The history's entries as text, newest first. */
const history = () =>
  within(screen.getByRole('list', { name: 'Deploy-gate overrides' }))
    .getAllByRole('listitem')
    .map(item => item.textContent);

/** A backend error answer, as `ReliabilityClient` turns it into an exception. */
function responseError(status: number, statusText: string, message: string) {
  return ResponseError.fromResponse({
    status,
    statusText,
    url: 'http://localhost/api/reliability/deploy-gate/overrides',
    headers: new Headers({ 'Content-Type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: `${statusText}Error`, message },
        request: { method: 'POST', url: '/api/reliability/deploy-gate' },
        response: { statusCode: status },
      }),
  } as Response);
}

describe('DeployGatePanel', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => jest.restoreAllMocks());

  it('says the gate refuses and why, what the policy asks, and who overrode it before', async () => {
    const { api } = await render();
    const decision = within(
      screen.getByRole('group', { name: 'Deploy-gate decision' }),
    );
    expect(
      decision.getByText('Deploys refused (high risk)'),
    ).toBeInTheDocument();
    expect(
      decision.getByText(
        'Feature freeze: emergency fixes only (checkout-availability has -38.9% of its error budget left)',
      ),
    ).toBeInTheDocument();
    expect(
      decision.getByText('The error-budget policy asks:'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'What the policy asks' }))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Feature freeze',
      'Emergency fixes only',
      'Focus on reliability improvements',
      'Incident review required',
      'Rollback recent changes',
    ]);
    expect(api.getDeployGate).toHaveBeenCalledWith(checkoutRef);
    expect(api.getDeployGateOverrides).toHaveBeenCalledWith(checkoutRef);
    expect(history()).toEqual([
      'Expired bob 7 days ago, ended 6 days ago' +
        'Rollback of release 2.3 for INC-40',
    ]);
    expect(screen.getByRole('link', { name: 'bob' })).toHaveAttribute(
      'href',
      '/catalog/default/user/bob',
    );
    expect(await overrideButton()).toBeEnabled();
  });

  it('overrides a refusing gate with a reason and an expiry, then shows the override in force', async () => {
    const { api } = await render();
    api.getDeployGate.mockResolvedValue(overriddenDecision);
    api.getDeployGateOverrides.mockResolvedValue([annOverride, bobOverride]);
    api.overrideDeployGate.mockResolvedValue(overriddenDecision);

    fireEvent.click(await overrideButton());
    const dialog = within(screen.getByRole('dialog'));
    expect(
      dialog.getByText('Override the deploy gate of checkout'),
    ).toBeInTheDocument();
    const confirm = dialog.getByRole('button', { name: 'Override gate' });
    expect(dialog.getByLabelText(/^Expires after/)).toHaveValue('60');
    expect(
      dialog.getByText(`Until ${formatDateTime(NOW + HOUR)}`),
    ).toBeInTheDocument();
    fireEvent.change(dialog.getByLabelText(/^Reason/), {
      target: { value: ' INC-42 ' },
    });
    expect(confirm).toBeDisabled();
    fireEvent.change(dialog.getByLabelText(/^Reason/), {
      target: { value: ' Hotfix for the payment outage INC-42 ' },
    });
    fireEvent.change(dialog.getByLabelText(/^Expires after/), {
      target: { value: '240' },
    });
    expect(
      dialog.getByText(`Until ${formatDateTime(NOW + 4 * HOUR)}`),
    ).toBeInTheDocument();
    fireEvent.click(confirm);

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.overrideDeployGate).toHaveBeenCalledWith(checkoutRef, {
      reason: 'Hotfix for the payment outage INC-42',
      durationMinutes: 240,
    });
    expect(
      await screen.findByText('Deploys allowed (high risk)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        withText(
          'Emergency override by ann, ends in 1 hour: Hotfix for the payment outage INC-42',
        ),
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(history()).toHaveLength(2));
    expect(history()[0]).toBe(
      'In force ann 1 hour ago, ends in 1 hour' +
        'Hotfix for the payment outage INC-42',
    );
    // Allowed now: nothing left to override.
    expect(
      screen.queryByRole('button', { name: 'Override' }),
    ).not.toBeInTheDocument();
  });

  it('disables Override for a viewer who may not override, saying who may', async () => {
    const { asked } = await render({
      deny: ['reliability.deploygate.override'],
    });
    const button = await overrideButton();
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(OVERRIDE_REASON);
    expect(screen.getAllByText(OVERRIDE_REASON)).toHaveLength(2);
    fireEvent.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(asked).toContainEqual({
      permission: 'reliability.deploygate.override',
      resourceRef: 'component:default/checkout',
    });
  });

  it('keeps the dialog open with the refusal the backend still gives, fields by their labels', async () => {
    const { api } = await render();
    api.overrideDeployGate
      .mockRejectedValueOnce(
        await responseError(
          400,
          'Input',
          'durationMinutes must be at most 7 days (10080 minutes)',
        ),
      )
      .mockRejectedValueOnce(
        await responseError(
          403,
          'NotAllowed',
          'Not allowed: reliability.deploygate.override',
        ),
      );
    fireEvent.click(await overrideButton());
    const dialog = within(screen.getByRole('dialog'));
    fireEvent.change(dialog.getByLabelText(/^Reason/), {
      target: { value: 'Hotfix for the payment outage INC-42' },
    });
    const confirm = dialog.getByRole('button', { name: 'Override gate' });
    fireEvent.click(confirm);
    expect(
      await dialog.findByText(
        'Duration must be at most 7 days (10080 minutes)',
      ),
    ).toBeInTheDocument();
    fireEvent.click(confirm);
    expect(
      await dialog.findByText('Not allowed: reliability.deploygate.override'),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('offers no override while the gate allows deploys, and says it was never overridden', async () => {
    await render({ decision: allowedDecision, overrides: [] });
    expect(screen.getByText('Deploys allowed (low risk)')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Override' }),
    ).not.toBeInTheDocument();
    expect(
      await screen.findByText('The gate has never been overridden'),
    ).toBeInTheDocument();
  });

  it('says so when the gate cannot be asked, and still shows the history', async () => {
    const api = mockReliabilityApi({
      getDeployGate: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            404,
            'NotFound',
            'No entity component:default/checkout',
          ),
        ),
      getDeployGateOverrides: jest.fn().mockResolvedValue([bobOverride]),
    });
    await renderInTestApp(
      withPermissions(
        <TestApiProvider apis={[[reliabilityApiRef, api]]}>
          <EntityProvider entity={checkoutEntity}>
            <DeployGatePanel />
          </EntityProvider>
        </TestApiProvider>,
      ).element,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText(
        'The deploy gate could not be asked: No entity component:default/checkout',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(history()).toHaveLength(1));
  });
});
