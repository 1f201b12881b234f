import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { migratedClient } from '../store/DefinitionsStore';
import { PipelineStore } from '../store/PipelineStore';
import { SyncSummary } from '../sync/DefinitionsSync';
import { EvaluationSummary } from '../evaluation/SloEvaluator';
import { DefinitionsState } from '../scorecard/ScorecardProjector';
import { ReliabilityPipeline } from './ReliabilityPipeline';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const MINUTE = 60_000;

/** A pipeline over stages that record what they were asked, each taking one second. */
async function setup(
  options: {
    refreshMinutes?: number;
    syncFails?: boolean;
    abortIn?: 'sync' | 'evaluate';
    /** The evaluation takes 40 s for each of 3 SLOs. */
    slowEvaluation?: boolean;
    /** A notifier that sends 2 notifications and fails 1. */
    notify?: boolean;
    /** An alert auditor that reads 2 sources (1 unreadable). */
    audit?: boolean;
  } = {},
) {
  const db = await migratedClient(
    mockServices.database({
      knex: await databases.init('SQLITE_3'),
      migrations: { skip: false },
    }),
  );
  let now = Date.UTC(2026, 10, 23, 12);
  const tick = () => {
    now += 1000;
  };
  const calls: string[] = [];
  const states: DefinitionsState[] = [];
  const catalog = { loaded: false };
  const abort = new AbortController();
  const logger = mockServices.logger.mock();
  const pipeline = new ReliabilityPipeline({
    sync: {
      async syncAll(signal): Promise<SyncSummary> {
        calls.push('sync');
        tick();
        if (options.syncFails) throw new Error('catalog unreachable');
        if (options.abortIn === 'sync') abort.abort();
        return {
          read: 40,
          failed: 1,
          unchanged: 30,
          removed: 2,
          complete: !signal?.aborted,
        };
      },
    },
    evaluator: {
      async evaluateDue({
        intervalMs,
        timings,
        onProgress,
      }): Promise<EvaluationSummary> {
        calls.push(`evaluate every ${intervalMs / MINUTE} min`);
        tick();
        for (let i = 1; options.slowEvaluation && i <= 3; i++) {
          now += 40_000;
          onProgress?.({
            slos: 3000,
            evaluated: i * 1000,
            degraded: i,
            skipped: 0,
            left: 0,
          });
        }
        // Two SLOs of main measured at once, overlapping: 3 s waited on main.
        timings?.add('main', 0, 2500);
        timings?.add('main', 1000, 3000);
        timings?.add('thanos', 0, 1000);
        if (options.abortIn === 'evaluate') abort.abort();
        return {
          slos: 37,
          evaluated: 30,
          degraded: 3,
          skipped: 5,
          left: options.abortIn === 'evaluate' ? 2 : 0,
        };
      },
      async statusesAt() {
        return new Map();
      },
    },
    projector: {
      async projectAll(_now, { state } = {}) {
        calls.push('project');
        states.push(state!);
        tick();
        return 41;
      },
      async backfill(days) {
        calls.push(`backfill ${days} days`);
        tick();
        return ['2026-11-21', '2026-11-22'];
      },
    },
    ...(options.audit
      ? {
          auditor: {
            async auditAll(signal: AbortSignal) {
              calls.push(`audit${signal ? ' with the signal' : ''}`);
              tick();
              return { sources: 2, failed: 1, notDeployed: 3, orphans: 2 };
            },
          },
        }
      : {}),
    ...(options.notify
      ? {
          notifier: {
            async notify() {
              calls.push('notify');
              tick();
              return { sent: 2, failed: 1 };
            },
          },
        }
      : {}),
    statuses: {
      async removeUndefined() {
        calls.push('remove statuses');
        return 1;
      },
    },
    ...(options.notify
      ? { sharedReads: { clear: () => calls.push('clear shared reads') } }
      : {}),
    store: new PipelineStore(db),
    catalog,
    logger,
    settings: {
      refreshIntervalMs: (options.refreshMinutes ?? 5) * MINUTE,
      evaluationIntervalMs: 5 * MINUTE,
      backfillDays: 14,
    },
    clock: () => now,
  });
  return {
    run: () => pipeline.runCycle(abort.signal),
    calls,
    states,
    catalog,
    logger,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ReliabilityPipeline', () => {
  it('runs sync, evaluate, project and backfill once each, and logs counts, durations and the slowest sources', async () => {
    const { run, calls, states, catalog, logger } = await setup();
    catalog.loaded = true;
    await run();
    expect(calls).toEqual([
      'sync',
      'remove statuses',
      'evaluate every 5 min',
      'project',
      'backfill 14 days',
    ]);
    expect(states).toEqual([{ catalogLoaded: true, definitionsRead: true }]);
    expect(logger.info).toHaveBeenCalledWith(
      'Reliability cycle done in 4.0 s. ' +
        'Definitions: 40 entities read (30 confirmed unchanged, 1 failed), 2 removed, 1.0 s. ' +
        'Evaluation: 30 SLOs evaluated (3 degraded), 5 skipped (attempted within 5 min), 1 status of removed SLOs deleted, 1.0 s. ' +
        'Scorecard: 41 entities, 1.0 s. ' +
        'History: 2 days measured (2026-11-21 to 2026-11-22), 1.0 s. ' +
        'Slowest metric sources: main 3.0 s over 2 SLOs, thanos 1.0 s over 1 SLO.',
    );
  });

  it('notifies after projecting, before the backfill, and logs what it sent', async () => {
    const { run, calls, catalog, logger } = await setup({ notify: true });
    catalog.loaded = true;
    await run();
    expect(calls).toEqual([
      'sync',
      'remove statuses',
      'evaluate every 5 min',
      // The projection and the notifications share this cycle's reads, and nothing is kept after.
      'clear shared reads',
      'project',
      'notify',
      'clear shared reads',
      'backfill 14 days',
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'Scorecard: 41 entities, 1.0 s. Notifications: 2 sent, 1 failed (sent again next cycle), 1.0 s. History: 2 days',
      ),
    );
  });

  it('audits the deployed alerts after evaluating, before projecting, and logs what it found', async () => {
    const { run, calls, catalog, logger } = await setup({ audit: true });
    catalog.loaded = true;
    await run();
    expect(calls).toEqual([
      'sync',
      'remove statuses',
      'evaluate every 5 min',
      'audit with the signal',
      'project',
      'backfill 14 days',
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        '1.0 s. Alert audit: 2 sources read (1 unreadable), 3 SLOs with alerts not deployed or out of date, 2 rule groups of removed SLOs, 1.0 s. Scorecard: 41 entities',
      ),
    );
  });

  it('does not audit after an abort', async () => {
    const { run, calls, catalog } = await setup({
      abortIn: 'evaluate',
      audit: true,
    });
    catalog.loaded = true;
    await run();
    expect(calls).not.toContain('audit with the signal');
  });

  it('does not notify after an abort', async () => {
    const { run, calls, catalog } = await setup({
      abortIn: 'evaluate',
      notify: true,
    });
    catalog.loaded = true;
    await run();
    expect(calls).not.toContain('notify');
  });

  it('reads definitions once per refresh interval, evaluating every cycle', async () => {
    const { run, calls, catalog, advance } = await setup({
      refreshMinutes: 60,
    });
    catalog.loaded = true;
    await run();
    advance(5 * MINUTE);
    await run();
    advance(55 * MINUTE);
    await run();
    expect(calls.filter(c => c === 'sync')).toHaveLength(2);
    expect(calls.filter(c => c.startsWith('evaluate'))).toHaveLength(3);
  });

  it('reads definitions again as soon as the catalog has loaded, and only then calls the basis complete', async () => {
    const { run, calls, states, catalog, logger, advance } = await setup();
    await run();
    expect(states).toEqual([{ catalogLoaded: false, definitionsRead: false }]);
    expect(logger.info).toHaveBeenLastCalledWith(
      expect.stringMatching(
        /^Reliability cycle done in 4\.0 s \(catalog not loaded yet\)\. Definitions: 40 entities read/,
      ),
    );
    advance(MINUTE);
    catalog.loaded = true;
    await run();
    expect(calls.filter(c => c === 'sync')).toHaveLength(2);
    expect(states[1]).toEqual({ catalogLoaded: true, definitionsRead: true });
    advance(MINUTE);
    await run();
    expect(calls.filter(c => c === 'sync')).toHaveLength(2);
    expect(states[2]).toEqual({ catalogLoaded: true, definitionsRead: true });
  });

  it('starts no stage after an abort, and a sync cut short counts as not done', async () => {
    const { run, calls, states, catalog, logger } = await setup({
      abortIn: 'sync',
    });
    catalog.loaded = true;
    await run();
    expect(calls).toEqual(['sync']);
    expect(states).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Reliability cycle stopped during sync after 1.0 s (timeout or shutdown). ' +
        'Definitions: 40 entities read (30 confirmed unchanged, 1 failed), 2 removed, the rest not reached, 1.0 s.',
    );
  });

  it('says how many SLOs are left for the next cycle when stopped during evaluation', async () => {
    const { run, calls, logger, catalog } = await setup({
      abortIn: 'evaluate',
    });
    catalog.loaded = true;
    await run();
    expect(calls).toEqual(['sync', 'remove statuses', 'evaluate every 5 min']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Reliability cycle stopped during evaluate after 2.0 s (timeout or shutdown). ',
      ),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Evaluation: 30 SLOs evaluated (3 degraded), 5 skipped (attempted within 5 min), 2 left for the next cycle (oldest first)',
      ),
    );
  });

  it('runs the other stages when one fails, then fails the cycle with the reason', async () => {
    const { run, calls, states, catalog, logger } = await setup({
      syncFails: true,
    });
    catalog.loaded = true;
    await expect(run()).rejects.toThrow(
      'Reliability cycle failed: sync: Error: catalog unreachable',
    );
    expect(calls).toEqual([
      'sync',
      'remove statuses',
      'evaluate every 5 min',
      'project',
      'backfill 14 days',
    ]);
    // No complete sync yet: the definitions do not rest on the loaded catalog.
    expect(states).toEqual([{ catalogLoaded: true, definitionsRead: false }]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Reliability cycle finished with failures in 4\.0 s\. .* Failed: sync: Error: catalog unreachable\.$/,
      ),
    );
  });

  it('logs the progress of a long evaluation once a minute', async () => {
    const { run, catalog, logger } = await setup({ slowEvaluation: true });
    catalog.loaded = true;
    await run();
    expect(
      logger.info.mock.calls
        .map(([message]) => message)
        .filter(message => message.startsWith('Reliability cycle evaluating')),
    ).toEqual([
      'Reliability cycle evaluating: 2,000 SLOs evaluated (2 degraded) of 3,000 in 81.0 s',
    ]);
  });
});
