/*
 * The evaluation benchmark (bench/README.md, "Evaluation benchmark"): how long the backend takes
 * to measure a whole organisation's SLOs against a real Prometheus, and how far that is from the
 * batched PromQL that computes the same figures. In one run:
 *
 *   1. generate the organisation (evaluationOrg.ts) and write it as catalog files;
 *   2. backfill its series into a real Prometheus (evaluationMetrics.ts; kept for a day);
 *   3. cold start: empty databases, the backend (evaluationBackend.ts, the real catalog with the
 *      reliability module and the reliability plugin, Backstage's scheduler) started with the
 *      generated files as catalog locations; time until every SLO has a stored status, and until
 *      every SLO of the one big file has;
 *   4. steady state: the backend restarted on the filled store with tasks run only when told;
 *      one evaluation cycle (the scheduled task that evaluates every SLO) timed, with Prometheus's
 *      own query counters before and after and the backend's peak RSS;
 *   5. the batched floor (batchedFloor.ts) at the cycle's evaluation time, its figures compared
 *      with the stored ones;
 *   6. optionally (--rules) the exported rules loaded into the benchmark's Prometheus.
 *
 * It prints a Markdown table (stdout) and writes every figure to a JSON file; it asserts nothing.
 */
import { ChildProcess, execSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BENCH_DIR,
  BenchDb,
  backendDatabaseConfig,
  openKnex,
  resetDatabase,
} from './databases';
import { checkFloorFigures, planFloor, runFloor } from './batchedFloor';
import {
  BenchSlo,
  evaluationOrg,
  writeEvaluationCatalog,
} from './evaluationOrg';
import {
  BenchPrometheus,
  prometheusCounters,
  startBenchPrometheus,
} from './evaluationMetrics';
import { Progress, ProgressReader } from './evaluationProgress';
import { formatReport } from './evaluationReport';
import { peakRssMiB, watchRss } from './processMemory';
import { loadExportedRules, unloadRules } from './exportedRules';

const argv = process.argv.slice(2);
const option = (name: string, env: string, fallback?: string) => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return process.env[env] ?? fallback;
};
const number = (name: string, env: string, fallback: number) => {
  const value = Number(option(name, env, String(fallback)));
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} (${env}) must be a number`);
  return value;
};

const ENTITIES = number('entities', 'BENCH_ENTITIES', 10_000);
const OPTIONS = {
  entities: ENTITIES,
  slos: number('slos', 'BENCH_SLOS', ENTITIES * 3),
  bigFileEntities: number(
    'big-file',
    'BENCH_BIG_FILE',
    Math.min(1000, Math.round(ENTITIES / 10)),
  ),
  services: number('services', 'BENCH_SERVICES', 1000),
  stepSeconds: number('step-seconds', 'BENCH_STEP_SECONDS', 60),
  coldLimitMinutes: number('cold-limit', 'BENCH_COLD_LIMIT_MINUTES', 40),
  /** Overrides both task intervals (minutes); unset: the product's defaults (5 and 5). */
  intervalMinutes: option('interval', 'BENCH_INTERVAL_MINUTES'),
  cycles: number('cycles', 'BENCH_CYCLES', 1),
  cycleTask: option('cycle-task', 'BENCH_CYCLE_TASK'),
  floorConcurrency: number('floor-concurrency', 'BENCH_FLOOR_CONCURRENCY', 4),
  db: option(
    'db',
    'BENCH_DB',
    process.env.BENCH_PG_URL ? 'postgres' : 'sqlite',
  ),
  rules: argv.includes('--rules') || process.env.BENCH_RULES === '1',
  /** Only the cold start (no steady-state cycle, floor or rules). */
  coldStartOnly:
    argv.includes('--cold-start-only') ||
    process.env.BENCH_COLD_START_ONLY === '1',
  seed: 20261201,
};
const WORK_DIR = path.join(BENCH_DIR, 'evaluation');

function log(line: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

const nodeTransform = require.resolve(
  '@backstage/cli/config/nodeTransform.cjs',
);

/** Backends running now, stopped with the benchmark on Ctrl-C. */
const running = new Set<ChildProcess>();

interface Backend {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  message<T = any>(type: string): Promise<T>;
  send(message: object): void;
  stop(): Promise<void>;
}

/** Forks evaluationBackend.ts; its log goes to a file. */
async function startBackend(
  configFile: string,
  scheduler: 'real' | 'manual',
  logName: string,
): Promise<Backend> {
  const logFd = fs.openSync(path.join(WORK_DIR, logName), 'w');
  const child = fork(
    path.join(__dirname, 'evaluationBackend.ts'),
    ['--config', configFile, '--scheduler', scheduler],
    {
      // BENCH_BACKEND_NODE_ARGS: more Node options for the backend, e.g. --cpu-prof.
      execArgv: [
        '--require',
        nodeTransform,
        ...(process.env.BENCH_BACKEND_NODE_ARGS ?? '')
          .split(' ')
          .filter(Boolean),
      ],
      stdio: ['ignore', logFd, logFd, 'ipc'],
    },
  );
  running.add(child);
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.once('exit', () => running.delete(child));
  const message = (type: string) =>
    new Promise<any>((resolve, reject) => {
      // Each listener removes the other: declared as functions, both exist before either runs.
      function onExit(code: number | null) {
        child.off('message', onMessage);
        reject(
          new Error(
            `the backend exited (${code}) before sending ${type}; see ${path.join(
              WORK_DIR,
              logName,
            )}`,
          ),
        );
      }
      function onMessage(m: any) {
        if (m?.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await message('ready');
  return {
    child,
    pid: child.pid!,
    port: ready.port,
    baseUrl: `http://127.0.0.1:${ready.port}`,
    message,
    send: m => child.send(m),
    async stop() {
      if (child.exitCode === null) {
        child.send({ type: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

function benchDb(): BenchDb {
  if (OPTIONS.db === 'postgres') {
    const url = process.env.BENCH_PG_URL;
    if (!url)
      throw new Error(
        '--db postgres needs BENCH_PG_URL (bench/run.sh sets it)',
      );
    return { kind: 'postgres', url, prefix: 'bench_eval_' };
  }
  return { kind: 'sqlite', directory: path.join(WORK_DIR, 'sqlite') };
}

function backendConfig(
  db: BenchDb,
  locations: string[],
  prometheusUrl: string,
  intervalMinutes: number | undefined,
  recordingRules = false,
) {
  const interval = intervalMinutes;
  return {
    backend: { database: backendDatabaseConfig(db) },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Group',
            'Domain',
            'Location',
          ],
        },
      ],
      locations: locations.map(target => ({ type: 'file', target })),
    },
    reliability: {
      metricSources: [
        {
          name: 'bench',
          url: prometheusUrl,
          timeoutSeconds: 60,
          ...(recordingRules ? { recordingRules } : {}),
        },
      ],
      evaluation: {
        scrapeIntervalSeconds: OPTIONS.stepSeconds,
        ...(interval ? { intervalMinutes: interval } : {}),
      },
      ...(interval
        ? { definitions: { refreshIntervalMinutes: interval } }
        : {}),
    },
  };
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Phase 3: from an empty store until every SLO has a status (or the time limit). */
async function coldStart(
  configFile: string,
  progress: ProgressReader,
  expected: number,
) {
  const started = performance.now();
  const backend = await startBackend(
    configFile,
    'real',
    'backend-cold-start.log',
  );
  const readyMs = performance.now() - started;
  log(
    `Cold start: backend ready in ${seconds(readyMs)} s (pid ${backend.pid})`,
  );
  const limitMs = OPTIONS.coldLimitMinutes * 60_000;
  const milestones: Record<string, number | undefined> = {
    backendReady: readyMs,
  };
  const timeline: Array<{ s: number } & Progress> = [];
  let last: Progress | undefined;
  let lastLogged = 0;
  try {
    for (;;) {
      const elapsed = performance.now() - started;
      last = await progress.read(backend.baseUrl);
      const mark = (name: string, reached: boolean) => {
        if (reached && milestones[name] === undefined) {
          milestones[name] = elapsed;
          log(`Cold start: ${name} after ${seconds(elapsed)} s`);
        }
      };
      mark(
        'catalogComplete',
        (last.catalogEntities ?? 0) >= progress.profileEntities,
      );
      mark('definitionsComplete', (last.definitions ?? 0) >= expected);
      mark('bigFileMeasured', last.bigFileMeasured >= progress.bigFileSlos);
      mark('allMeasured', last.measured >= expected);
      if (elapsed - lastLogged >= 30_000) {
        lastLogged = elapsed;
        timeline.push({ s: seconds(elapsed), ...last });
        log(
          `Cold start ${seconds(elapsed)} s: catalog ${
            last.catalogEntities ?? '-'
          } of ${progress.profileEntities} entities, definitions of ${
            last.definitions ?? '-'
          } of ${expected} SLOs, ${last.measured} measured (big file ${
            last.bigFileMeasured
          } of ${progress.bigFileSlos})`,
        );
      }
      if (milestones.allMeasured !== undefined) break;
      if (elapsed > limitMs) {
        log(
          `Cold start: stopped at the limit of ${OPTIONS.coldLimitMinutes} minutes`,
        );
        break;
      }
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
    timeline.push({ s: seconds(performance.now() - started), ...last! });
    return {
      limitMinutes: OPTIONS.coldLimitMinutes,
      milestonesS: Object.fromEntries(
        Object.entries(milestones).map(([k, v]) => [
          k,
          v === undefined ? undefined : seconds(v),
        ]),
      ),
      final: last!,
      timeline,
      peakRssMiB: peakRssMiB(backend.pid),
    };
  } finally {
    await backend.stop();
  }
}

/** The task that evaluates every SLO: named, or found by its id. */
function cycleTaskOf(tasks: string[]): string {
  if (OPTIONS.cycleTask) {
    if (!tasks.includes(OPTIONS.cycleTask))
      throw new Error(
        `no task ${OPTIONS.cycleTask}; the backend has ${tasks.join(', ')}`,
      );
    return OPTIONS.cycleTask;
  }
  const ours = tasks.filter(t => t.startsWith('reliability'));
  const found =
    ours.find(t => /pipeline|cycle/.test(t)) ??
    ours.find(t => /evaluat/.test(t)) ??
    (ours.length === 1 ? ours[0] : undefined);
  if (!found)
    throw new Error(
      `cannot tell which task evaluates every SLO among ${tasks.join(
        ', ',
      )}; set BENCH_CYCLE_TASK`,
    );
  return found;
}

/** Phase 4: timed evaluation cycles on the filled store. */
async function steadyState(
  configFile: string,
  progress: ProgressReader,
  prometheus: BenchPrometheus,
  expected: number,
  logName = 'backend-steady-state.log',
) {
  const backend = await startBackend(configFile, 'manual', logName);
  const ask = async (message: object, reply: string) => {
    const answer = backend.message(reply);
    backend.send(message);
    return answer;
  };
  try {
    // The pipeline may schedule its task only once the catalog has loaded: wait for it.
    let tasks: string[] = [];
    const deadline = Date.now() + 15 * 60_000;
    while (!tasks.some(t => t.startsWith('reliability'))) {
      if (Date.now() > deadline)
        throw new Error(
          `no reliability task was scheduled within 15 minutes (${tasks.join(
            ', ',
          )})`,
        );
      await new Promise(resolve => setTimeout(resolve, 2000));
      tasks = (await ask({ type: 'tasks' }, 'tasks')).tasks;
    }
    const task = cycleTaskOf(tasks);
    // Runs the backend started by itself (a first cycle at start-up) end first.
    const startupRuns = (await ask({ type: 'idle' }, 'idle')).runs;
    const run = async (id: string) => {
      const { run: record } = await ask({ type: 'run', task: id }, 'ran');
      if (record.error) throw new Error(`task ${id} failed: ${record.error}`);
      return record as { startedAt: number; endedAt: number };
    };
    let preparation: { task: string; ms: number } | undefined;
    const stored = await progress.read();
    if ((stored.definitions ?? 0) < expected) {
      // The cold start stopped before every definition was read: read them now (not timed as a cycle).
      const sync = tasks.find(t => /sync/.test(t));
      if (sync && sync !== task) {
        log(
          `Steady state: only ${stored.definitions} of ${expected} SLO definitions stored; running ${sync} first`,
        );
        const r = await run(sync);
        preparation = { task: sync, ms: r.endedAt - r.startedAt };
      }
    }
    let lastEnded = Math.max(
      0,
      ...startupRuns.map((r: any) => r.endedAt ?? 0),
      preparation ? Date.now() : 0,
    );
    const cycles = [];
    for (let n = 1; n <= Math.max(1, OPTIONS.cycles); n++) {
      // Every SLO due again (the steady state's evaluation interval is one minute), and the
      // start-up work settled; the catalog keeps processing in the background, as deployed.
      const wait = Math.max(5000, lastEnded + 65_000 - Date.now());
      log(`Steady state: cycle ${n} of task ${task} in ${seconds(wait)} s`);
      // The backend's memory while no cycle runs (the catalog keeps processing), for comparison.
      const idleRss = watchRss(backend.pid);
      await new Promise(resolve => setTimeout(resolve, wait));
      const idle = idleRss.stop();
      await ask({ type: 'memory' }, 'memory');
      const before = await prometheusCounters(prometheus.url);
      const rss = watchRss(backend.pid);
      const load = os.loadavg()[0];
      const record = await run(task);
      const memory = rss.stop();
      log(
        `Steady state: the backend's memory peaks (MiB): ${JSON.stringify(
          (record as any).memory,
        )}`,
      );
      const after = await prometheusCounters(prometheus.url);
      const evaluated = await progress.read(undefined, record.startedAt);
      const ms = record.endedAt - record.startedAt;
      lastEnded = record.endedAt;
      const queries = after.queries - before.queries;
      cycles.push({
        task,
        ms,
        sloEvaluated: evaluated.measured,
        withFigures: evaluated.withFigures,
        msPerSlo: evaluated.measured ? ms / evaluated.measured : undefined,
        queries,
        queriesPerSlo: evaluated.measured
          ? queries / evaluated.measured
          : undefined,
        prometheusBusyS: after.querySeconds - before.querySeconds,
        rss: memory,
        idleRss: { ...idle, seconds: seconds(wait) },
        loadBefore: load,
        startedAt: record.startedAt,
      });
      log(
        `Steady state: cycle ${n} took ${seconds(ms)} s for ${
          evaluated.measured
        } SLOs, ${queries} queries, RSS ${memory.startMiB} → ${
          memory.peakMiB
        } MiB`,
      );
    }
    return {
      tasks,
      startupRuns: startupRuns.map((r: any) => ({
        task: r.task,
        ms: r.endedAt - r.startedAt,
        error: r.error,
      })),
      preparation,
      cycles,
    };
  } finally {
    await backend.stop();
  }
}

/**
 * Phase 5: the batched floor at the cycle's evaluation time, timed; then its figures compared
 * with the stored ones. A pipeline that measures in waves stores several evaluation times: the
 * SLOs of up to 19 more of them are checked with the same queries over their services only.
 */
async function floor(
  org: ReturnType<typeof evaluationOrg>,
  progress: ProgressReader,
  prometheus: BenchPrometheus,
) {
  const { sample, figures } = await progress.figures(org.slos, 3000);
  const byTime = new Map<number, BenchSlo[]>();
  for (const slo of sample) {
    const f = figures.get(`${slo.entityRef}|${slo.name}`);
    if (!f) continue;
    byTime.set(f.measuredAt, [...(byTime.get(f.measuredAt) ?? []), slo]);
  }
  const times = [...byTime].sort((a, b) => b[1].length - a[1].length);
  const at = times[0]?.[0] ?? Date.now();
  const scrapeMs = OPTIONS.stepSeconds * 1000;
  const queries = planFloor(org.slos, at, scrapeMs);
  log(`Floor: ${queries.length} batched queries, one at a time`);
  const sequential = await runFloor(prometheus.url, queries, at, 1);
  log(
    `Floor: ${seconds(sequential.ms)} s; ${OPTIONS.floorConcurrency} at a time`,
  );
  const concurrent = await runFloor(
    prometheus.url,
    queries,
    at,
    OPTIONS.floorConcurrency,
  );
  log(`Floor: ${seconds(concurrent.ms)} s; comparing figures`);
  const check = {
    compared: 0,
    agreeing: 0,
    differences: [] as string[],
    times: 0,
  };
  for (const [time, slos] of times.slice(0, 20)) {
    const answers =
      time === at
        ? sequential.answers
        : (
            await runFloor(
              prometheus.url,
              planFloor(slos, time, scrapeMs, [
                ...new Set(slos.map(x => x.service)),
              ]),
              time,
              OPTIONS.floorConcurrency,
            )
          ).answers;
    const result = checkFloorFigures(slos, figures, answers, scrapeMs);
    check.compared += result.compared;
    check.agreeing += result.agreeing;
    check.differences.push(
      ...result.differences.slice(0, 5 - check.differences.length),
    );
    check.times++;
  }
  return {
    at,
    queries: queries.length,
    queryTexts: queries.map(q => (q.range ? `range: ${q.query}` : q.query)),
    sequentialMs: sequential.ms,
    concurrentMs: concurrent.ms,
    concurrency: OPTIONS.floorConcurrency,
    evaluationTimes: times.length,
    check,
  };
}

async function main() {
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const loadBefore = os.loadavg();
  // A copy made by bench/checkout.sh names its commit in .bench-commit.
  const commitFile = path.join(__dirname, '..', '.bench-commit');
  let commit = 'unknown';
  try {
    commit = fs.existsSync(commitFile)
      ? fs.readFileSync(commitFile, 'utf8').trim()
      : execSync('git rev-parse --short HEAD', {
          cwd: __dirname,
          stdio: ['ignore', 'pipe', 'ignore'],
        })
          .toString()
          .trim();
    // A work tree with changes to the suite's code is not that commit.
    if (
      !fs.existsSync(commitFile) &&
      execSync('git status --porcelain -- plugins packages', {
        cwd: path.join(__dirname, '..'),
        stdio: ['ignore', 'pipe', 'ignore'],
      }).length
    )
      commit += ' with uncommitted changes';
  } catch {
    // neither
  }
  log(`Evaluation benchmark: ${JSON.stringify(OPTIONS)}`);
  const org = evaluationOrg(OPTIONS);
  const catalog = writeEvaluationCatalog(org, path.join(WORK_DIR, 'catalog'));
  log(
    `Organisation: ${org.counts.profileEntities} entities, ${
      org.counts.slos
    } SLOs, ${catalog.files} files; the big file holds ${
      org.counts.bigFileEntities
    } entities (${Math.round(catalog.bigFileBytes / 1024)} KiB)`,
  );
  if (catalog.bigFileBytes > 1024 * 1024)
    log(
      'Warning: the big file is larger than the 1 MiB a definition file may hold',
    );

  const prometheus = await startBenchPrometheus(
    path.join(
      WORK_DIR,
      `prometheus-${OPTIONS.services}-services-${OPTIONS.stepSeconds}s`,
    ),
    {
      seed: OPTIONS.seed,
      services: OPTIONS.services,
      stepSeconds: OPTIONS.stepSeconds,
      days: 31,
      aheadHours: 21,
    },
    log,
  );
  const cleanup = () => prometheus.stop();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of running) child.kill('SIGKILL');
      cleanup().finally(() => process.exit(130));
    });
  }
  try {
    const db = benchDb();
    await resetDatabase(db, 'catalog');
    await resetDatabase(db, 'reliability');
    // Cold start as configured (the product's intervals unless --interval); the steady state
    // with one-minute intervals, so that every SLO is due again a minute after a cycle.
    const configFile = path.join(WORK_DIR, 'backend-config.json');
    const steadyConfigFile = path.join(WORK_DIR, 'backend-config-steady.json');
    const interval = OPTIONS.intervalMinutes
      ? Number(OPTIONS.intervalMinutes)
      : undefined;
    fs.writeFileSync(
      configFile,
      JSON.stringify(
        backendConfig(db, catalog.locations, prometheus.url, interval),
        null,
        2,
      ),
    );
    fs.writeFileSync(
      steadyConfigFile,
      JSON.stringify(
        backendConfig(db, catalog.locations, prometheus.url, 1),
        null,
        2,
      ),
    );
    const knex = await openKnex(db, 'reliability');
    try {
      const progress = new ProgressReader(
        knex,
        org.slos,
        org.bigFileRefs,
        org.counts.profileEntities,
      );
      const cold = await coldStart(configFile, progress, org.slos.length);
      const steady = OPTIONS.coldStartOnly
        ? undefined
        : await steadyState(
            steadyConfigFile,
            progress,
            prometheus,
            org.slos.length,
          );
      const batched = steady
        ? await floor(org, progress, prometheus)
        : undefined;
      const rules =
        OPTIONS.rules && steady
          ? await loadExportedRules(catalog, prometheus, WORK_DIR, log)
          : undefined;
      // The same cycle with the source in recording-rule mode, the rules loaded.
      let recorded: Awaited<ReturnType<typeof steadyState>> | undefined;
      if (rules) {
        try {
          const recordingConfigFile = path.join(
            WORK_DIR,
            'backend-config-recording-rules.json',
          );
          fs.writeFileSync(
            recordingConfigFile,
            JSON.stringify(
              backendConfig(db, catalog.locations, prometheus.url, 1, true),
              null,
              2,
            ),
          );
          log('Steady state in recording-rule mode');
          recorded = await steadyState(
            recordingConfigFile,
            progress,
            prometheus,
            org.slos.length,
            'backend-recording-rules.log',
          );
        } finally {
          await unloadRules(prometheus);
        }
      }
      const result = {
        commit,
        date: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        },
        loadBefore,
        loadAfter: os.loadavg(),
        options: OPTIONS,
        db: db.kind,
        org: {
          ...org.counts,
          files: catalog.files,
          bigFileBytes: catalog.bigFileBytes,
        },
        prometheus: prometheus.generated,
        cold,
        steady,
        floor: batched,
        rules,
        recorded,
      };
      const file = path.join(
        WORK_DIR,
        `results-${result.date.replace(/[:.]/g, '-')}.json`,
      );
      fs.writeFileSync(file, JSON.stringify(result, null, 2));
      fs.writeFileSync(
        path.join(WORK_DIR, 'results-latest.json'),
        JSON.stringify(result, null, 2),
      );
      process.stdout.write(formatReport(result));
      log(`Every figure: ${file}`);
    } finally {
      await knex.destroy();
    }
  } finally {
    await cleanup();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
