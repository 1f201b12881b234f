import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  SloDefinition,
} from '@reliability-suite/plugin-reliability-common';
import { ConfigReader } from '@backstage/config';
import { DefinitionsStore, migratedClient } from '../store/DefinitionsStore';
import { StatusStore } from '../store/StatusStore';
import { FaultMode, startFaultyPrometheus } from '../testing/faultyPrometheus';
import { MetricSourceRegistry } from './metricSources';
import { SloEvaluator } from './SloEvaluator';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const slo: SloDefinition = {
  name: 'availability',
  indicator: {
    metric: {
      type: 'ratio',
      counter: true,
      good: { query: 'http_requests_total{job="x",code!~"5.."}' },
      total: { query: 'http_requests_total{job="x"}' },
    },
  },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * 86_400_000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'inline', file: 'catalog-info.yaml' },
};

async function setup(url: string, definition: SloDefinition = slo) {
  const db = await migratedClient(
    mockServices.database({
      knex: await databases.init('SQLITE_3'),
      migrations: { skip: false },
    }),
  );
  const definitions = new DefinitionsStore(db);
  const statuses = new StatusStore(db);
  await definitions.save(
    {
      entityRef: 'component:default/x',
      settings: { sloFilePatterns: [] },
      slos: [definition],
      problems: [],
      readAt: 1,
    },
    { keepSlos: false },
  );
  const sources = MetricSourceRegistry.fromConfig(
    new ConfigReader({
      reliability: {
        metricSources: [{ name: 'main', url, timeoutSeconds: 1 }],
      },
    }),
    mockServices.logger.mock(),
  );
  const evaluator = new SloEvaluator({
    definitions,
    statuses,
    sources,
    logger: mockServices.logger.mock(),
    options: { scrapeIntervalMs: 60_000, historyPoints: 10 },
    policyFor: () => DEFAULT_ERROR_BUDGET_POLICY,
  });
  return { statuses, evaluator };
}

describe('a failing metric source marks the SLO degraded and keeps the last good values', () => {
  it.each<[FaultMode, RegExp]>([
    [
      'error500',
      /^main: error http_error query processing would load too many samples$/,
    ],
    ['html', /^main: error network_error unexpected network error$/],
    ['emptyBody', /^main: error network_error unexpected network error$/],
    ['slow', /^main: error timeout_error timeout of 1000ms exceeded$/],
    [
      'infinity',
      /^main: query sum\(increase\(http_requests_total\{job="x"\}\[2592000s\]\)\) returned NaN \(NaN or ±Inf\), not a number$/,
    ],
  ])('%s', async (mode, expectedError) => {
    const prometheus = await startFaultyPrometheus('healthy');
    try {
      const { statuses, evaluator } = await setup(prometheus.url);
      await evaluator.evaluateEntity('component:default/x', 1_000_000);
      const good = (await statuses.forEntity('component:default/x')).get(
        'availability',
      )!;
      expect(good.state).toBe('ok');
      expect(good.figures?.sli).toBe(1);

      prometheus.setMode(mode);
      await evaluator.evaluateEntity('component:default/x', 2_000_000);
      const degraded = (await statuses.forEntity('component:default/x')).get(
        'availability',
      )!;
      expect(degraded.state).toBe('degraded');
      expect(degraded.error).toMatch(expectedError);
      expect(degraded.attemptedAt).toBe(2_000_000);
      expect(degraded.goodAt).toBe(1_000_000);
      expect(degraded.figures).toEqual(good.figures);
    } finally {
      await prometheus.stop();
    }
  });

  it('a stopped source (connection refused) degrades too', async () => {
    const prometheus = await startFaultyPrometheus('healthy');
    const { statuses, evaluator } = await setup(prometheus.url);
    await evaluator.evaluateEntity('component:default/x', 1_000_000);
    await prometheus.stop();
    await evaluator.evaluateEntity('component:default/x', 2_000_000);
    const status = (await statuses.forEntity('component:default/x')).get(
      'availability',
    )!;
    expect(status.state).toBe('degraded');
    expect(status.error).toMatch(/^main: error network_error /);
    expect(status.figures?.sli).toBe(1);
  });

  it('an SLO naming an unconfigured source is degraded with a clear error', async () => {
    const prometheus = await startFaultyPrometheus('healthy');
    try {
      const { statuses, evaluator } = await setup(prometheus.url, {
        ...slo,
        indicator: {
          metric: {
            type: 'threshold',
            query: { metricSource: 'legacy', query: 'up' },
          },
        },
      });
      await evaluator.evaluateEntity('component:default/x', 1_000_000);
      const status = (await statuses.forEntity('component:default/x')).get(
        'availability',
      )!;
      expect(status.state).toBe('degraded');
      expect(status.error).toBe(
        'metric source "legacy" is not configured (reliability.metricSources)',
      );
      expect(status.figures).toBeUndefined();
    } finally {
      await prometheus.stop();
    }
  });
});
