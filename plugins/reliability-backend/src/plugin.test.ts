import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleReliability from '@reliability-suite/plugin-catalog-backend-module-reliability';
import { ReliabilityProfile } from '@reliability-suite/plugin-reliability-common';
import reliabilityPlugin from '.';

jest.setTimeout(120_000);

const fixtures = path.resolve(__dirname, '__fixtures__');

/** Asks until the answer is there (the pipeline's cycle writes it), for at most 60 s. */
async function waitFor<T>(answer: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const value = await answer();
    if (value !== undefined) return value;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error('no answer within 60 s');
}

async function startPortalBackend() {
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleReliability,
      reliabilityPlugin,
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            pipeline: { startup: { catalogQuietSeconds: 1 } },
            onCall: {
              pagerDutyServiceUrl:
                'https://acme.pagerduty.com/service-directory/{id}',
            },
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Group', 'Location'] }],
            locations: [
              { type: 'file', target: path.join(fixtures, 'catalog.yaml') },
            ],
          },
        },
      }),
    ],
  });
  // Wait until the catalog has processed the fixtures and the pipeline's first cycle, which
  // starts once the catalog has loaded, has read the definitions of every entity the tests read
  // (the sync stores them one entity at a time).
  const read = async (name: string) => {
    const response = await request(server).get(
      `/api/reliability/profile/component/default/${name}`,
    );
    return response.status === 200 && !response.body.pending;
  };
  for (let attempt = 0; ; attempt++) {
    if ((await read('broken')) && (await read('checkout'))) break;
    if (attempt >= 300)
      throw new Error('the definitions were not read within 60 s');
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return server;
}

describe('GET /api/reliability/profile/:kind/:namespace/:name', () => {
  let server: Awaited<ReturnType<typeof startPortalBackend>>;
  beforeAll(async () => {
    server = await startPortalBackend();
  });

  it('returns the resolved profile of a complete Tier-1 service', async () => {
    const response = await request(server).get(
      '/api/reliability/profile/component/default/checkout',
    );
    expect(response.status).toBe(200);
    const profile: ReliabilityProfile = response.body;
    expect(profile.entityRef).toBe('component:default/checkout');
    expect(profile.tier?.name).toBe('Tier 1');
    expect(profile.onCall).toEqual({
      provider: 'pagerduty',
      label: 'PagerDuty service PGRP001',
      url: 'https://acme.pagerduty.com/service-directory/PGRP001',
      source: 'owner',
      sourceRef: 'group:default/payments',
    });
    expect(
      profile.slos.map(s => [
        s.name,
        s.objectives[0].target,
        s.timeWindow.duration,
        s.source.file,
      ]),
    ).toEqual([['checkout-availability', 0.999, '30d', 'slo/checkout.yaml']]);
    expect(profile.runbooks.map(r => r.url)).toEqual([
      'https://runbooks.example.com/checkout',
    ]);
    expect(profile.dashboards.map(d => d.url)).toEqual([
      'https://grafana.example.com/d/checkout',
    ]);
    expect(profile.dr).toEqual({
      rtoMinutes: 60,
      rpoMinutes: 15,
      lastTested: '2026-11-01',
      nextTestDue: '2027-04-30',
    });
    expect(profile.problems).toEqual([]);
    expect(profile.missing).toEqual([]);
    expect(typeof profile.definitionsReadAt).toBe('string');
  });

  it('returns the problems and what is missing for a broken entity', async () => {
    const response = await request(server).get(
      '/api/reliability/profile/component/default/broken',
    );
    expect(response.status).toBe(200);
    const profile: ReliabilityProfile = response.body;
    expect(profile.slos).toEqual([]);
    expect(profile.problems).toEqual([
      {
        file: 'catalog.yaml',
        line: 47,
        field: 'spec.reliability.slos[0].objective',
        message: 'must be < 1 (100% leaves no error budget)',
        sloDefinition: true,
      },
    ]);
    expect(profile.missing.map(m => m.requirement)).toEqual([
      'slos',
      'runbooks',
    ]);
  });

  it('names a stale runbook on the profile and as the scorecard missing reason and the readiness result', async () => {
    const profile = await waitFor(async () => {
      const response = await request(server).get(
        '/api/reliability/profile/component/default/ledger',
      );
      return response.status === 200 && !response.body.pending
        ? (response.body as ReliabilityProfile)
        : undefined;
    });
    expect(
      profile.runbooks.map(r => [
        r.title,
        r.lastReviewed,
        r.reviewDue,
        r.stale,
      ]),
    ).toEqual([
      ['Ledger runbook', '2026-11-01', '2027-11-01', false],
      ['Ledger recovery runbook', '2025-01-10', '2026-01-10', true],
    ]);
    expect(profile.missing).toEqual([
      {
        requirement: 'slos',
        message:
          'No SLOs: add OpenSLO files (reliability-suite.io/slo-files) or spec.reliability.slos',
      },
      {
        requirement: 'runbooksReviewed',
        message:
          'Runbook "Ledger recovery runbook" last reviewed 2025-01-10, over 365 days ago (Tier 2 reviews runbooks every 365 days)',
      },
    ]);
    const rows = await waitFor(async () => {
      const response = await request(server).get(
        '/api/reliability/scorecard?missing=runbooksReviewed&sort=name',
      );
      return response.status === 200 && response.body.rows.length
        ? (response.body.rows as Array<{ name: string; missing: string[] }>)
        : undefined;
    });
    expect(rows.map(r => [r.name, r.missing])).toEqual([
      ['ledger', ['slos', 'runbooksReviewed']],
    ]);
    const readiness = await request(server).get(
      '/api/reliability/readiness/component/default/ledger',
    );
    expect(readiness.status).toBe(200);
    const item = readiness.body.summary.items.find(
      (i: { item: { id: string } }) => i.item.id === 'runbooks',
    );
    expect([item.state, item.reason]).toEqual([
      'failing',
      'Runbook "Ledger recovery runbook" last reviewed 2025-01-10, over 365 days ago (Tier 2 reviews runbooks every 365 days)',
    ]);
  });

  it('answers 404 for an entity that does not exist (or that the caller cannot see)', async () => {
    const response = await request(server).get(
      '/api/reliability/profile/component/default/nowhere',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'No entity component:default/nowhere',
    );
  });

  it('answers 400 for a malformed entity reference', async () => {
    const response = await request(server).get(
      '/api/reliability/profile/component/default/a%20b',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'Invalid entity reference: name must be a catalog name (letters, digits, - _ .)',
    );
  });

  it('answers 401 without valid credentials', async () => {
    const response = await request(server)
      .get('/api/reliability/profile/component/default/checkout')
      .set('Authorization', 'Bearer not-a-token');
    expect(response.status).toBe(401);
  });
});
