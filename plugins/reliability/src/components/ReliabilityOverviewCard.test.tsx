import { screen, waitFor, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  DEFAULT_TIERS,
  EntitySlos,
  ReliabilityProfile,
} from '@reliability-suite/plugin-reliability-common';
import { ReliabilityApi, reliabilityApiRef } from '../api/ReliabilityApi';
import { mockReliabilityApi } from './testApi';
import { ReliabilityOverviewCard } from './ReliabilityOverviewCard';
import {
  allowedDecision,
  overriddenDecision,
  refusedDecision,
} from './deployGate/testDeployGate';
import { checkoutReadiness, pendingReadiness } from './readiness/testReadiness';
import {
  brokenProfile,
  checkoutEntity,
  completeProfile,
  hostileProfile,
  pendingProfile,
  unreadableProfile,
} from './testProfiles';
import {
  NOW,
  checkoutSlos,
  overspentFigures,
  pendingSlos,
  unmeasuredCheckoutSlos,
  unreadableCheckoutSlos,
} from './testSlos';

const PENDING_NOTICE =
  'First measurement in progress — the definitions of this entity have not been read yet; figures appear after the next evaluation cycle (every 5 minutes).';

async function render({
  profile = completeProfile,
  slos = checkoutSlos,
  readiness = async () => checkoutReadiness,
  gate = async () => refusedDecision,
  tiers = [...DEFAULT_TIERS],
}: {
  profile?: ReliabilityProfile;
  slos?: EntitySlos;
  readiness?: ReliabilityApi['getReadiness'];
  gate?: ReliabilityApi['getDeployGate'];
  tiers?: (typeof DEFAULT_TIERS)[number][];
} = {}) {
  const api = mockReliabilityApi({
    getProfile: jest.fn().mockResolvedValue(profile),
    getSlos: jest.fn().mockResolvedValue(slos),
    getReadiness: jest.fn(readiness),
    getDeployGate: jest.fn(gate),
    getTiers: jest.fn().mockResolvedValue(tiers),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api]]}>
      <EntityProvider entity={checkoutEntity}>
        <ReliabilityOverviewCard />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

/** The card's facts as `term: value` lines, in reading order. */
function facts(): string[] {
  const list = screen.getByLabelText('Reliability summary');
  const terms = within(list).getAllByRole('term');
  const values = within(list).getAllByRole('definition');
  return terms.map(
    (term, i) => `${term.textContent}: ${values[i].textContent}`,
  );
}

/** Waits until every fact has loaded: none still empty. */
async function loadedFacts(expectedCount = 6): Promise<string[]> {
  await waitFor(() => {
    const lines = facts();
    expect(lines).toHaveLength(expectedCount);
    for (const line of lines) expect(line).not.toMatch(/: $/);
  });
  return facts();
}

/** The texts of the items of a list, in order. */
const itemsOf = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map(item => item.textContent);

/** Where a text is shown: inside a link (its href) or as plain text (null). */
const linkOf = (text: string | RegExp) =>
  screen.getByText(text).closest('a')?.getAttribute('href') ?? null;

/** Two SLOs: availability overspent, latency with 12.5 % left. */
const twoSlos: EntitySlos = {
  ...checkoutSlos,
  slos: [
    {
      ...checkoutSlos.slos[0],
      status: {
        ...checkoutSlos.slos[0].status,
        figures: {
          ...overspentFigures,
          budget: { ...overspentFigures.budget, remainingFraction: 0.6 },
          policyState: 'green',
        },
      },
    },
    {
      ...checkoutSlos.slos[0],
      definition: {
        ...checkoutSlos.slos[0].definition,
        name: 'checkout-latency',
        displayName: 'Checkout latency',
      },
      status: {
        ...checkoutSlos.slos[0].status,
        sloName: 'checkout-latency',
        figures: {
          ...overspentFigures,
          budget: { ...overspentFigures.budget, remainingFraction: 0.125 },
          policyState: 'yellow',
        },
      },
    },
  ],
  policyState: 'yellow',
};

describe('ReliabilityOverviewCard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('says how much budget is left, whether the service may deploy, how ready it is and what is missing', async () => {
    const api = await render();
    expect(await loadedFacts()).toEqual([
      'Tier: Tier 1',
      'On call: PagerDuty service PGRP001, Opens in a new window (from owner group:default/payments)',
      'Budget left: -38.9% (Checkout availability)Red: feature freeze',
      'Deploy gate: Deploys refused (high risk)Feature freeze: emergency fixes only (checkout-availability has -38.9% of its error budget left)',
      'Readiness: 9/12 required checklist items pass (75%)In reviewNot passing: Dashboards, Rollback readiness',
      'Profile: Everything Tier 1 requires of the profile is in place',
    ]);
    expect(api.getDeployGate).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    expect(itemsOf(screen.getByRole('list', { name: 'SLOs' }))).toEqual([
      'Checkout availability: 99.9% over 30d rolling',
    ]);
    expect(linkOf('Open the Reliability tab')).toBe('/reliability');
    expect(
      screen.queryByText('Everything Tier 1 requires is in place'),
    ).not.toBeInTheDocument();
  });

  it("takes the worst SLO's budget as the service's, as the scorecard does", async () => {
    await render({ slos: twoSlos, gate: async () => allowedDecision });
    const lines = await loadedFacts();
    expect(lines[2]).toBe(
      'Budget left: 12.5% (Checkout latency, the lowest of 2 SLOs)Yellow: caution',
    );
    expect(lines[3]).toBe(
      'Deploy gate: Deploys allowed (low risk)Normal operations: proceed with deployment (checkout-availability has 82.3% of its error budget left)',
    );
  });

  it('says until when an emergency override lets deploys through', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    await render({ gate: async () => overriddenDecision });
    expect((await loadedFacts())[3]).toBe(
      `Deploy gate: Deploys allowed (high risk)Emergency override by user:default/ann: Hotfix for the payment outage INC-42 (checkout-availability has -38.9% of its error budget left)Override ends in 1 hour`,
    );
    expect(screen.getByText('in 1 hour')).toHaveAttribute(
      'title',
      '2026-11-23 13:00 UTC',
    );
  });

  it('names the tier as configured, and what its profile misses', async () => {
    const gold = { ...DEFAULT_TIERS[1], name: 'Gold' };
    await render({
      profile: {
        ...completeProfile,
        tier: gold,
        missing: [
          {
            requirement: 'dashboards',
            message: 'No dashboard: add a link of type dashboard',
          },
        ],
      },
      tiers: [DEFAULT_TIERS[0], gold, DEFAULT_TIERS[2], DEFAULT_TIERS[3]],
    });
    const lines = await loadedFacts();
    expect(lines[0]).toBe('Tier: Gold');
    expect(lines[5]).toBe(
      'Profile: No dashboard: add a link of type dashboard',
    );
    expect(
      screen.getByRole('list', { name: 'Missing for Gold' }),
    ).toBeInTheDocument();
  });

  it('says readiness and the gate are unavailable when they cannot be loaded, and still shows the rest', async () => {
    await render({
      readiness: jest.fn().mockRejectedValue(new Error('readiness is down')),
      gate: jest.fn().mockRejectedValue(new Error('gate is down')),
    });
    const lines = await loadedFacts();
    expect(lines.slice(2, 5)).toEqual([
      'Budget left: -38.9% (Checkout availability)Red: feature freeze',
      'Deploy gate: Deploy gate unavailable',
      'Readiness: Readiness unavailable',
    ]);
    expect(screen.queryByText(/is down/)).not.toBeInTheDocument();
  });

  it('shows an error panel in place of a fact that fails, and the rest of the card', async () => {
    const consoleError = jest
      .spyOn(console, 'error')
      .mockImplementation(() => {});
    const broken = {
      ...checkoutSlos,
      slos: [{ ...checkoutSlos.slos[0], status: undefined }],
    } as unknown as EntitySlos;
    await render({ slos: broken });
    expect(
      await screen.findByText('The error budget could not be shown'),
    ).toBeInTheDocument();
    const lines = await loadedFacts();
    expect(lines[3]).toMatch(/^Deploy gate: Deploys refused \(high risk\)/);
    expect(lines[4]).toMatch(/^Readiness: 9\/12 required checklist items pass/);
    expect(lines[5]).toBe(
      'Profile: Everything Tier 1 requires of the profile is in place',
    );
    consoleError.mockRestore();
  });

  it('shows a javascript: on-call link as text, never as a link', async () => {
    await render({ profile: hostileProfile });
    await loadedFacts();
    expect(linkOf(/^javascript:alert\(1\)$/)).toBeNull();
    const hrefs = Array.from(document.querySelectorAll('a[href]')).map(a =>
      a.getAttribute('href'),
    );
    expect(
      hrefs.filter(h => /^\s*(javascript|data|vbscript):/i.test(h ?? '')),
    ).toEqual([]);
  });

  it('marks the SLOs of a service whose SLO file cannot be read', async () => {
    await render({ profile: unreadableProfile, slos: unreadableCheckoutSlos });
    await loadedFacts();
    expect(itemsOf(screen.getByRole('list', { name: 'SLOs' }))).toEqual([
      'Checkout availability: 99.9% over 30d rolling' + 'Definition unreadable',
    ]);
    expect(
      screen.getByText(
        'SLO definitions unreadable: the deploy gate refuses until the files can be read — see the Reliability tab',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '2 problem(s) in the reliability definitions — see the Reliability tab',
      ),
    ).toBeInTheDocument();
  });

  it('points to the problems of a broken entity, and lists what its tier misses', async () => {
    await render({
      profile: brokenProfile,
      slos: {
        entityRef: 'component:default/perfect-target',
        policyState: 'nodata',
        policy: DEFAULT_ERROR_BUDGET_POLICY,
        slos: [],
      },
    });
    const lines = await loadedFacts();
    expect(lines[0]).toBe('Tier: Tier 2');
    expect(lines[2]).toBe('Budget left: No SLOs defined');
    expect(lines[5]).toBe(
      'Profile: No valid SLO: 1 definition problem(s) to fix',
    );
    expect(
      screen.getByText(
        '1 problem(s) in the reliability definitions — see the Reliability tab',
      ),
    ).toBeInTheDocument();
  });

  it('says the reliability data of an entity not read yet is pending, with its readiness items pending', async () => {
    await render({
      profile: pendingProfile,
      slos: pendingSlos,
      readiness: async () => pendingReadiness,
    });
    expect(
      screen.getByRole('alert', { name: 'Reliability data pending' }),
    ).toHaveTextContent(PENDING_NOTICE);
    const lines = await loadedFacts();
    expect(lines[2]).toBe('Budget left: Pending: SLO definitions not read yet');
    expect(lines[4]).toBe(
      'Readiness: 6/12 required checklist items pass (50%)In reviewNot passing: Dashboards, Rollback readinessPending: SLOs defined, SLOs measurable, Burn-rate alerts',
    );
    expect(lines[5]).toBe(
      'Profile: SLOs: pending until the definitions of this entity are read',
    );
    expect(
      screen.queryByRole('list', { name: 'SLOs' }),
    ).not.toBeInTheDocument();
  });

  it('shows the error budgets of SLOs never measured as Pending, not No data', async () => {
    await render({ slos: unmeasuredCheckoutSlos });
    expect((await loadedFacts())[2]).toBe(
      'Budget left: Not measured yetPending',
    );
    expect(screen.queryByText('No data')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('alert', { name: 'Reliability data pending' }),
    ).not.toBeInTheDocument();
  });
});
