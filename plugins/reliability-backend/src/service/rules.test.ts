import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  SloDefinition,
  buildPrometheusRules,
  prometheusRulesYaml,
} from '@reliability-suite/plugin-reliability-common';
import { startPrometheus, toOpenMetrics } from '../testing/prometheus';
import { MINUTE_MS, serviceCounters } from '../testing/scenarios';

jest.setTimeout(60_000);

const slo = (
  name: string,
  duration: string,
  durationMs: number,
): SloDefinition => ({
  name,
  displayName: 'Checkout availability',
  indicator: {
    metric: {
      type: 'ratio',
      counter: true,
      good: { query: 'http_requests_total{job="checkout",code!~"5.."}' },
      total: { query: 'http_requests_total{job="checkout"}' },
    },
  },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration, durationMs },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  runbook: 'https://runbooks.example.com/checkout',
  source: { format: 'openslo', file: 'slo/checkout.yaml', line: 1 },
});

const threshold: SloDefinition = {
  ...slo('latency', '30d', 30 * 86_400_000),
  indicator: {
    metric: {
      type: 'threshold',
      query: {
        query: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))',
      },
    },
  },
};

const entityRef = 'component:default/checkout';
const { rules, skipped } = buildPrometheusRules(entityRef, [
  slo('checkout-availability', '30d', 30 * 86_400_000),
  slo('checkout-availability-28d', '28d', 28 * 86_400_000),
  threshold,
]);

describe('Prometheus rules export', () => {
  it('records the error ratio over every burn-rate window and alerts at 14.4/6/3/1× for 30 days', () => {
    expect(skipped).toEqual(['latency']);
    const [group] = rules.groups;
    expect(group.name).toBe(
      'slo:component:default/checkout:checkout-availability',
    );
    expect(group.rules.slice(0, 7).map(r => r.record)).toEqual([
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate30m',
      'slo:sli_error:ratio_rate1h',
      'slo:sli_error:ratio_rate2h',
      'slo:sli_error:ratio_rate6h',
      'slo:sli_error:ratio_rate1d',
      'slo:sli_error:ratio_rate3d',
    ]);
    expect(group.rules[0].expr).toBe(
      '1 - ((sum(rate(http_requests_total{job="checkout",code!~"5.."}[5m])) or vector(0)) / sum(rate(http_requests_total{job="checkout"}[5m])))',
    );
    expect(group.rules.slice(7, 11).map(r => [r.alert, r.expr])).toEqual([
      [
        'SLOErrorBudgetBurnFast',
        '(slo:sli_error:ratio_rate1h{slo="checkout-availability",entity="component:default/checkout"} > (14.4 * 0.001)) and (slo:sli_error:ratio_rate5m{slo="checkout-availability",entity="component:default/checkout"} > (14.4 * 0.001))',
      ],
      [
        'SLOErrorBudgetBurnFast',
        '(slo:sli_error:ratio_rate6h{slo="checkout-availability",entity="component:default/checkout"} > (6 * 0.001)) and (slo:sli_error:ratio_rate30m{slo="checkout-availability",entity="component:default/checkout"} > (6 * 0.001))',
      ],
      [
        'SLOErrorBudgetBurnSlow',
        '(slo:sli_error:ratio_rate1d{slo="checkout-availability",entity="component:default/checkout"} > (3 * 0.001)) and (slo:sli_error:ratio_rate2h{slo="checkout-availability",entity="component:default/checkout"} > (3 * 0.001))',
      ],
      [
        'SLOErrorBudgetBurnSlow',
        '(slo:sli_error:ratio_rate3d{slo="checkout-availability",entity="component:default/checkout"} > (1 * 0.001)) and (slo:sli_error:ratio_rate6h{slo="checkout-availability",entity="component:default/checkout"} > (1 * 0.001))',
      ],
    ]);
    expect(group.rules[7].labels).toEqual({
      slo: 'checkout-availability',
      entity: 'component:default/checkout',
      severity: 'page',
      long_window: '1h',
      short_window: '5m',
    });
    expect(
      (group.rules[7].annotations as Record<string, string>).runbook_url,
    ).toBe('https://runbooks.example.com/checkout');
    // A 28-day window keeps the budget shares: 2 % in 1 h is 13.44×.
    expect(rules.groups[2].rules[7].expr).toContain('> (13.44 * 0.001)');
  });

  it("records what the portal reads in recording-rule mode: the objective and the window's counts", () => {
    const labels = {
      slo: 'checkout-availability-28d',
      entity: 'component:default/checkout',
    };
    expect(rules.groups[3]).toEqual({
      name: 'slo:component:default/checkout:checkout-availability-28d:window',
      // A 28-day count reads every sample of 28 days: recorded every 5 minutes, not every one.
      interval: '5m',
      rules: [
        {
          record: 'slo:objective:ratio',
          expr: 'vector(0.999)',
          labels: { ...labels, window: '4w' },
        },
        {
          record: 'slo:sli_total:increase4w',
          expr: 'sum(increase(http_requests_total{job="checkout"}[4w]))',
          labels,
        },
        {
          record: 'slo:sli_good:increase4w',
          expr: 'sum(increase(http_requests_total{job="checkout",code!~"5.."}[4w]))',
          labels,
        },
      ],
    });
  });

  it('passes promtool check rules', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-rules-'));
    const file = path.join(dir, 'rules.yaml');
    await fs.writeFile(file, prometheusRulesYaml(rules));
    const { stdout } = await promisify(execFile)('promtool', [
      'check',
      'rules',
      file,
    ]);
    expect(stdout).toContain('SUCCESS: 28 rules found');
    await fs.rm(dir, { recursive: true });
  });

  it('loads into a real Prometheus and evaluates with healthy rules', async () => {
    const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    const prometheus = await startPrometheus(
      toOpenMetrics(
        serviceCounters('checkout', 240, 1000),
        now - MINUTE_MS,
        MINUTE_MS,
      ),
      // The window groups every second too, so that every rule has been evaluated.
      {
        rules: prometheusRulesYaml(
          buildPrometheusRules(
            entityRef,
            [
              slo('checkout-availability', '30d', 30 * 86_400_000),
              slo('checkout-availability-28d', '28d', 28 * 86_400_000),
              threshold,
            ],
            { windowInterval: '1s' },
          ).rules,
        ),
      },
    );
    try {
      let loaded: Array<{ health: string }> = [];
      for (let attempt = 0; attempt < 50; attempt++) {
        const body = await (
          await fetch(`${prometheus.url}/api/v1/rules`)
        ).json();
        loaded = body.data.groups.flatMap((g: { rules: unknown[] }) => g.rules);
        if (loaded.length === 28 && loaded.every(r => r.health === 'ok')) break;
        await new Promise(resolve => setTimeout(resolve, 200));
      }
      expect(loaded).toHaveLength(28);
      expect(loaded.every(r => r.health === 'ok')).toBe(true);
    } finally {
      await prometheus.stop();
    }
  });
});
