import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  EntitySlos,
  ReliabilityProfile,
} from '@reliability-suite/plugin-reliability-common';
import { ReliabilityApi, reliabilityApiRef } from '../api/ReliabilityApi';
import { mockReliabilityApi } from './testApi';
import { withPermissions } from './permissions/__testUtils__/withPermissions';
import { ReliabilityContent } from './ReliabilityContent';
import { checkoutReadiness } from './readiness/testReadiness';
import {
  brokenProfile,
  checkoutEntity,
  completeProfile,
  hostileProfile,
  incompleteProfile,
  pendingProfile,
  unreadableProfile,
} from './testProfiles';
import {
  checkoutSlos,
  pendingSlos,
  unmeasuredCheckoutSlos,
  unreadableCheckoutSlos,
} from './testSlos';

const PENDING_NOTICE =
  'First measurement in progress — the definitions of this entity have not been read yet; figures appear after the next evaluation cycle (every 5 minutes).';

const noSlos: EntitySlos = {
  entityRef: 'component:default/x',
  policyState: 'nodata',
  policy: DEFAULT_ERROR_BUDGET_POLICY,
  slos: [],
};

function render(
  element: JSX.Element,
  getProfile: ReliabilityApi['getProfile'],
  slos: EntitySlos = noSlos,
  getReadiness: ReliabilityApi['getReadiness'] = async () => checkoutReadiness,
  deny: string[] = [],
) {
  const api = mockReliabilityApi({
    getProfile: jest.fn(getProfile),
    getSlos: jest.fn().mockResolvedValue(slos),
    evaluateNow: jest.fn().mockResolvedValue(slos),
    getPrometheusRules: jest.fn().mockResolvedValue('groups: []\n'),
    getReadiness: jest.fn(getReadiness),
    getReadinessEvents: jest.fn().mockResolvedValue(checkoutReadiness.events),
  });
  return renderInTestApp(
    withPermissions(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={checkoutEntity}>{element}</EntityProvider>
      </TestApiProvider>,
      deny,
    ).element,
  );
}

const returning = (profile: ReliabilityProfile) =>
  jest.fn().mockResolvedValue(profile);

/** Every link on the page, as its href. */
const hrefs = () =>
  Array.from(document.querySelectorAll('a[href]')).map(a =>
    a.getAttribute('href'),
  );

/** Where a text is shown: inside a link (its href) or as plain text (null). */
const linkOf = (text: string) =>
  screen.getByText(text).closest('a')?.getAttribute('href') ?? null;

/** A profile the page cannot render one part of: no DR posture at all. */
const noDrProfile = {
  ...completeProfile,
  dr: undefined,
} as unknown as ReliabilityProfile;
const noDrMessage =
  "Cannot read properties of undefined (reading 'rtoMinutes')";

/** The texts of the items of a list, in order. */
const itemsOf = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map(item => item.textContent);

/** React reports errors caught by error boundaries on the console; the tests expect them. */
const silenceCaughtErrors = () =>
  jest.spyOn(console, 'error').mockImplementation(() => {});

describe('ReliabilityContent', () => {
  it('shows a complete Tier-1 profile with its SLOs and their error budgets', async () => {
    const getProfile = returning(completeProfile);
    await render(<ReliabilityContent />, getProfile, checkoutSlos);
    expect(screen.getByText('Error budgets')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Evaluate now' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Download Prometheus rules' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Red: feature freeze')).toHaveLength(2);
    expect(getProfile).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    expect(screen.getByText('Tier 1')).toBeInTheDocument();
    expect(
      screen.getByText('PagerDuty service PGRP001').closest('a'),
    ).toHaveAttribute(
      'href',
      'https://example.pagerduty.com/service-directory/PGRP001',
    );
    expect(
      screen.getByText('(from owner group:default/payments)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Checkout runbook')).toBeInTheDocument();
    expect(
      screen.getByText('RTO 1h · RPO 15m · last tested 2026-11-01'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Everything Tier 1 requires is in place'),
    ).toBeInTheDocument();
    expect(screen.getByText('SLOs (1)')).toBeInTheDocument();
    expect(screen.getAllByText('Checkout availability')).toHaveLength(2);
    expect(screen.getByText('99.9%')).toBeInTheDocument();
    expect(screen.getByText('30d rolling')).toBeInTheDocument();
    expect(
      screen.getByText('slo/checkout-availability.yaml:1'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/problem/)).not.toBeInTheDocument();
  });

  it('marks the SLOs of a service whose SLO file cannot be read, and says the deploy gate refuses', async () => {
    await render(
      <ReliabilityContent />,
      returning(unreadableProfile),
      unreadableCheckoutSlos,
    );
    const panel = screen.getByRole('alert', {
      name: 'SLO definitions unreadable',
    });
    expect(within(panel).getByText('SLO definitions unreadable')).toBeVisible();
    expect(itemsOf(panel)).toEqual([
      'slo/checkout-availability.yaml:1: invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
      'slo/<img src=x onerror=alert(1)>.yaml: cannot be read: <b>not found</b>',
    ]);
    expect(
      within(panel).getByText(
        'The SLOs below are the ones last read from these files: shown so nothing is lost, but not trusted. The deploy gate refuses deploys of this entity until the files can be read again (unless the portal sets reliability.deployGate.onDefinitionProblem to allow).',
      ),
    ).toBeInTheDocument();
    // The reasons are text, never markup.
    expect(document.querySelector('img, b')).toBeNull();
    // The SLO stays, in the error budgets and in the table, marked in both.
    expect(screen.getAllByText('Definition unreadable')).toHaveLength(2);
    expect(
      screen.getByText(
        'Its file cannot be read now: objective, window and figures are from the last readable definition, and are not trusted.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('As last read; its file cannot be read now'),
    ).toBeInTheDocument();
    expect(screen.getByText('SLOs (1)')).toBeInTheDocument();
    expect(screen.getAllByText('Checkout availability')).toHaveLength(2);
    expect(screen.getByText('99.861%')).toBeInTheDocument();
    // The panel sits above the error budgets.
    expect(
      panel.compareDocumentPosition(screen.getByText('Error budgets')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('says so when no SLO was ever read from an unreadable file', async () => {
    await render(<ReliabilityContent />, returning(unreadableProfile), {
      ...unreadableCheckoutSlos,
      slos: [],
    });
    const panel = screen.getByRole('alert', {
      name: 'SLO definitions unreadable',
    });
    expect(
      within(panel).getByText(
        'No SLO has been read from these files yet. The deploy gate refuses deploys of this entity until the files can be read again (unless the portal sets reliability.deployGate.onDefinitionProblem to allow).',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Error budgets')).not.toBeInTheDocument();
  });

  it('shows no unreadable marker or panel when the SLO files read fine', async () => {
    await render(<ReliabilityContent />, returning(completeProfile), {
      ...checkoutSlos,
      unreadable: [],
    });
    expect(screen.getByText('SLOs (1)')).toBeInTheDocument();
    expect(screen.getByText('99.861%')).toBeInTheDocument();
    expect(screen.queryByText(/unreadable/i)).not.toBeInTheDocument();
    expect(screen.queryByText(/last read/)).not.toBeInTheDocument();
    expect(screen.queryByText(/deploy gate/)).not.toBeInTheDocument();
  });

  it('lists what an incomplete Tier-0 service is missing', async () => {
    await render(<ReliabilityContent />, returning(incompleteProfile));
    expect(screen.getByText('What Tier 0 requires')).toBeInTheDocument();
    expect(
      screen.getByText(/^No on-call: add pagerduty.com\/service-id/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^No SLOs: add OpenSLO files/)).toBeInTheDocument();
    expect(screen.getByText('No on-call set')).toBeInTheDocument();
    expect(screen.getByText('No runbook linked')).toBeInTheDocument();
    expect(
      screen.getByText('RTO not set · RPO not set · never tested'),
    ).toBeInTheDocument();
    expect(screen.getByText('No SLOs defined')).toBeInTheDocument();
  });

  it('shows each definition problem of a broken entity with file, line and field', async () => {
    await render(<ReliabilityContent />, returning(brokenProfile));
    expect(
      screen.getByText('1 problem in the reliability definitions'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'slo/perfect-target.yaml:33 spec.objectives[0].target: must be < 1 (100% leaves no error budget)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No valid SLO: 1 definition problem(s) to fix'),
    ).toBeInTheDocument();
  });

  it('shows javascript: and data: links as text, never as links', async () => {
    await render(
      <ReliabilityContent />,
      returning(hostileProfile),
      checkoutSlos,
    );
    expect(screen.getByText('Tier 1')).toBeInTheDocument();
    expect(linkOf('Checkout runbook')).toBeNull();
    expect(linkOf('Checkout availability runbook')).toBeNull();
    expect(linkOf('Checkout dashboard')).toBeNull();
    expect(linkOf('Latency dashboard')).toBe(
      'https://grafana.example.com/d/lat',
    );
    // The on-call contact and the SLO table's runbook column.
    const shown = screen.getAllByText('javascript:alert(1)');
    expect(shown).toHaveLength(2);
    expect(shown.map(e => e.closest('a'))).toEqual([null, null]);
    expect(screen.getByText('Error budgets')).toBeInTheDocument();
    expect(screen.getByText('SLOs (1)')).toBeInTheDocument();
    expect(hrefs().filter(h => !h?.startsWith('https://'))).toEqual([]);
    expect(hrefs()).toContain('https://grafana.example.com/d/lat');
  });

  it('shows an error panel in place of a card that fails, and every other card', async () => {
    const consoleError = silenceCaughtErrors();
    await render(<ReliabilityContent />, returning(noDrProfile), checkoutSlos);
    expect(
      screen.getByText('The reliability profile could not be shown'),
    ).toBeInTheDocument();
    expect(screen.getByText(noDrMessage)).toBeInTheDocument();
    expect(screen.queryByText('Checkout runbook')).not.toBeInTheDocument();
    expect(
      screen.getByText('Everything Tier 1 requires is in place'),
    ).toBeInTheDocument();
    expect(screen.getByText('Error budgets')).toBeInTheDocument();
    expect(screen.getByText('SLOs (1)')).toBeInTheDocument();
    expect(screen.queryByText(/Something went wrong/i)).not.toBeInTheDocument();
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('shows the backend error instead of a blank card', async () => {
    await render(
      <ReliabilityContent />,
      jest.fn().mockRejectedValue(new Error('backend is down')),
    );
    expect(
      screen.getByText(/Could not load the reliability profile/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend is down/).length).toBeGreaterThan(0);
  });
});

describe('ReliabilityContent of an entity whose definitions are pending', () => {
  it('says plainly that its reliability data is pending and when it appears, never "No SLOs defined" nor everything in place', async () => {
    await render(
      <ReliabilityContent />,
      returning(pendingProfile),
      pendingSlos,
    );
    expect(
      screen.getByRole('alert', { name: 'Reliability data pending' }),
    ).toHaveTextContent(PENDING_NOTICE);
    expect(screen.getByText('SLOs (pending)')).toBeInTheDocument();
    expect(
      screen.getByText('SLO definitions not read yet'),
    ).toBeInTheDocument();
    expect(
      itemsOf(screen.getByRole('list', { name: 'Missing for Tier 1' })),
    ).toEqual(['SLOs: pending until the definitions of this entity are read']);
    expect(screen.queryByText('No SLOs defined')).not.toBeInTheDocument();
    expect(
      screen.queryByText('Everything Tier 1 requires is in place'),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('No data')).not.toBeInTheDocument();
    expect(screen.queryByText(/SLO files read/)).not.toBeInTheDocument();
    // What is known without the definitions is still shown.
    expect(screen.getByText('Checkout runbook')).toBeInTheDocument();
  });

  it('reads and evaluates the definitions now on request, then shows the figures', async () => {
    const getProfile = jest
      .fn()
      .mockResolvedValueOnce(pendingProfile)
      .mockResolvedValue(completeProfile);
    const getSlos = jest
      .fn()
      .mockResolvedValueOnce(pendingSlos)
      .mockResolvedValue(checkoutSlos);
    const evaluateNow = jest.fn().mockResolvedValue(checkoutSlos);
    const api = mockReliabilityApi({
      getProfile,
      getSlos,
      evaluateNow,
      getPrometheusRules: jest.fn().mockResolvedValue('groups: []\n'),
      getReadiness: jest.fn().mockResolvedValue(checkoutReadiness),
      getReadinessEvents: jest.fn().mockResolvedValue(checkoutReadiness.events),
    });
    await renderInTestApp(
      withPermissions(
        <TestApiProvider apis={[[reliabilityApiRef, api]]}>
          <EntityProvider entity={checkoutEntity}>
            <ReliabilityContent />
          </EntityProvider>
        </TestApiProvider>,
      ).element,
    );
    const readNow = screen.getByRole('button', {
      name: 'Read and evaluate now',
    });
    await waitFor(() => expect(readNow).toBeEnabled());
    fireEvent.click(readNow);
    await waitFor(() =>
      expect(
        screen.queryByRole('alert', { name: 'Reliability data pending' }),
      ).not.toBeInTheDocument(),
    );
    expect(evaluateNow).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    expect(await screen.findByText('Error budgets')).toBeInTheDocument();
    expect(getProfile).toHaveBeenCalledTimes(2);
    expect(getSlos).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['Evaluate now', checkoutSlos, completeProfile],
    ['Read and evaluate now', pendingSlos, pendingProfile],
  ])(
    'disables %s for viewers who may not evaluate the SLOs of this entity, saying who may',
    async (name, slos, profile) => {
      await render(
        <ReliabilityContent />,
        returning(profile),
        slos,
        undefined,
        ['reliability.slo.evaluate'],
      );
      const button = screen.getByRole('button', { name });
      await waitFor(() =>
        expect(button).toHaveAccessibleDescription(
          'Only owners of this entity and SREs may evaluate its SLOs now (permission reliability.slo.evaluate)',
        ),
      );
      expect(button).toBeDisabled();
    },
  );

  it('gives no number when the backend does not say how often its cycle runs', async () => {
    await render(
      <ReliabilityContent />,
      returning({ ...pendingProfile, cycleIntervalMinutes: undefined }),
      pendingSlos,
    );
    expect(
      screen.getByRole('alert', { name: 'Reliability data pending' }),
    ).toHaveTextContent(
      /^First measurement in progress — the definitions of this entity have not been read yet; figures appear after the next evaluation cycle\.Read and evaluate now$/,
    );
  });

  it('shows no pending notice once the definitions are read', async () => {
    await render(
      <ReliabilityContent />,
      returning(completeProfile),
      checkoutSlos,
    );
    expect(screen.getByText('SLOs (1)')).toBeInTheDocument();
    expect(
      screen.queryByRole('alert', { name: 'Reliability data pending' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Pending')).not.toBeInTheDocument();
  });

  it('marks SLOs read but never measured as Pending, not No data', async () => {
    await render(
      <ReliabilityContent />,
      returning(completeProfile),
      unmeasuredCheckoutSlos,
    );
    // The error budgets' overall chip and the SLO's own chip.
    expect(screen.getAllByText('Pending')).toHaveLength(2);
    expect(
      screen.getByText('First measurement in progress', { exact: true }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not measured yet: figures appear after the next evaluation cycle.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('No data')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('alert', { name: 'Reliability data pending' }),
    ).not.toBeInTheDocument();
  });
});
