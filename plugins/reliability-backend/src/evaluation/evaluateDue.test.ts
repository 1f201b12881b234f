import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  SloDefinition,
} from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore, migratedClient } from '../store/DefinitionsStore';
import { StatusStore } from '../store/StatusStore';
import { MetricSource, MetricSourceError } from './MetricSource';
import { MetricSourceRegistry } from './metricSources';
import { SloEvaluator } from './SloEvaluator';
import { SourceTimings } from './SourceTimings';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const MINUTE = 60_000;
const INTERVAL = 5 * MINUTE;

const slo = (name: string, metricSource?: string): SloDefinition => ({
  name,
  indicator: {
    metric: {
      type: 'ratio',
      counter: true,
      good: { query: `ok_total{slo="${name}"}`, metricSource },
      total: { query: `all_total{slo="${name}"}`, metricSource },
    },
  },
  objectives: [{ target: 0.999 }],
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * 86_400_000 },
  budgetingMethod: 'Occurrences',
  alertPolicies: [],
  source: { format: 'inline', file: 'catalog-info.yaml' },
});

/**
 * A metric source that is down: every query fails at once with a message naming the SLO. The
 * SLOs asked are recorded in order (an SLO's queries count once); `onQuery` runs first.
 */
function downSource(
  name: string,
  asked: string[],
  onQuery: (sloName: string) => void = () => {},
) {
  const fail = async (query: string): Promise<never> => {
    const sloName = /slo="([^"]+)"/.exec(query)?.[1] ?? '?';
    onQuery(sloName);
    if (asked[asked.length - 1] !== sloName) asked.push(sloName);
    throw new MetricSourceError(`${name}: down for ${sloName}`);
  };
  const source: MetricSource = {
    name,
    instant: query => fail(query),
    range: query => fail(query),
  };
  return source;
}

async function setup(sources: MetricSource[], concurrency?: number) {
  const db = await migratedClient(
    mockServices.database({
      knex: await databases.init('SQLITE_3'),
      migrations: { skip: false },
    }),
  );
  const definitions = new DefinitionsStore(db);
  const statuses = new StatusStore(db);
  let now = 1_000_000_000_000;
  const evaluator = new SloEvaluator({
    definitions,
    statuses,
    sources: new MetricSourceRegistry(sources),
    logger: mockServices.logger.mock(),
    options: { scrapeIntervalMs: 60_000, historyPoints: 10 },
    policyFor: () => DEFAULT_ERROR_BUDGET_POLICY,
    clock: () => now,
    concurrency,
  });
  const save = (entity: string, slos: SloDefinition[]) =>
    definitions.save(
      {
        entityRef: `component:default/${entity}`,
        settings: { sloFilePatterns: [] },
        slos,
        problems: [],
        readAt: 1,
      },
      { keepSlos: false },
    );
  const attempts = async () =>
    [...(await statuses.allWithoutHistory()).entries()].flatMap(
      ([entity, list]) =>
        list.map(s => [
          `${entity.replace('component:default/', '')}/${s.sloName}`,
          (s.attemptedAt! - 1_000_000_000_000) / MINUTE,
        ]),
    );
  return {
    evaluator,
    save,
    attempts,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('SloEvaluator.evaluateDue', () => {
  it('evaluates each SLO once per interval, never twice', async () => {
    const asked: string[] = [];
    const { evaluator, save, advance } = await setup([
      downSource('main', asked),
    ]);
    await save('a', [slo('a1'), slo('a2')]);
    await save('b', [slo('b1')]);
    const first = await evaluator.evaluateDue({ intervalMs: INTERVAL });
    expect(first).toEqual({
      slos: 3,
      evaluated: 3,
      degraded: 3,
      skipped: 0,
      left: 0,
    });
    expect(asked).toEqual(['a1', 'a2', 'b1']);

    // A cycle triggered again a minute later (a restart, another replica) evaluates nothing.
    advance(MINUTE);
    expect(await evaluator.evaluateDue({ intervalMs: INTERVAL })).toMatchObject(
      {
        evaluated: 0,
        skipped: 3,
      },
    );
    // The next interval's cycle, a little early (within the 10 % tolerance), evaluates them all.
    advance(3.5 * MINUTE);
    expect(await evaluator.evaluateDue({ intervalMs: INTERVAL })).toMatchObject(
      {
        evaluated: 3,
        skipped: 0,
      },
    );
    expect(asked).toEqual(['a1', 'a2', 'b1', 'a1', 'a2', 'b1']);
  });

  it('stops between two SLOs when aborted, and the next cycle resumes with the oldest', async () => {
    const asked: string[] = [];
    const abort = new AbortController();
    const { evaluator, save, advance, attempts } = await setup([
      downSource('main', asked, sloName => {
        if (sloName === 'a2') abort.abort();
      }),
    ]);
    await save('a', [slo('a1'), slo('a2'), slo('a3'), slo('a4')]);

    // Stopped after the second SLO: the two evaluated are stored, the others left.
    expect(
      await evaluator.evaluateDue({
        intervalMs: INTERVAL,
        signal: abort.signal,
      }),
    ).toEqual({ slos: 4, evaluated: 2, degraded: 2, skipped: 0, left: 2 });
    expect(asked).toEqual(['a1', 'a2']);
    expect(await attempts()).toEqual([
      ['a/a1', 0],
      ['a/a2', 0],
    ]);

    // The next cycle, two minutes later: the two never attempted first; the others are not due.
    advance(2 * MINUTE);
    expect(await evaluator.evaluateDue({ intervalMs: INTERVAL })).toEqual({
      slos: 4,
      evaluated: 2,
      degraded: 2,
      skipped: 2,
      left: 0,
    });
    expect(asked.slice(2)).toEqual(['a3', 'a4']);

    // An interval after the first attempts: the oldest (a1, a2) come first, a3 and a4 are not
    // due before their own interval has passed.
    advance(3 * MINUTE);
    await evaluator.evaluateDue({ intervalMs: INTERVAL });
    expect(asked.slice(4)).toEqual(['a1', 'a2']);
    advance(2 * MINUTE);
    await evaluator.evaluateDue({ intervalMs: INTERVAL });
    expect(asked.slice(6)).toEqual(['a3', 'a4']);
    expect(await attempts()).toEqual([
      ['a/a1', 5],
      ['a/a2', 5],
      ['a/a3', 7],
      ['a/a4', 7],
    ]);
  });

  it('adds the time of each SLO to its metric source', async () => {
    const timings = new SourceTimings();
    const { evaluator, save } = await setup([
      downSource('main', []),
      downSource('other', []),
    ]);
    await save('a', [slo('a1'), slo('a2', 'other'), slo('a3', 'missing')]);
    await evaluator.evaluateDue({ intervalMs: INTERVAL, timings });
    expect(
      timings
        .slowest(5)
        .map(s => [s.source, s.slos])
        .sort(),
    ).toEqual([
      ['main', 1],
      ['missing', 1],
      ['other', 1],
    ]);
  });

  it('measures SLOs in waves of the configured concurrency, each wave at one query time', async () => {
    const asked: Array<{ slo: string; at: number }> = [];
    let tick = () => {};
    const recording: MetricSource = {
      name: 'main',
      instant: async (query, at) => {
        asked.push({ slo: /slo="([^"]+)"/.exec(query)![1], at });
        tick(); // the clock moves while a wave is measured
        return 100;
      },
      range: async () => [],
    };
    const { evaluator, save, advance } = await setup([recording], 2);
    tick = () => advance(1);
    await save('a', [slo('a1'), slo('a2'), slo('a3')]);
    const summary = await evaluator.evaluateDue({ intervalMs: INTERVAL });
    expect(summary).toEqual({
      slos: 3,
      evaluated: 3,
      degraded: 0,
      skipped: 0,
      left: 0,
    });
    const timesOf = (name: string) => [
      ...new Set(asked.filter(a => a.slo === name).map(a => a.at)),
    ];
    // a1 and a2 form one wave, asked at one time; a3 the next wave, at a later time.
    expect(timesOf('a1')).toHaveLength(1);
    expect(timesOf('a2')).toEqual(timesOf('a1'));
    expect(timesOf('a3')).toHaveLength(1);
    expect(timesOf('a3')[0]).toBeGreaterThan(timesOf('a1')[0]);
  });
});
