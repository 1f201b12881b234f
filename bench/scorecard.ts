/*
 * The org scorecard benchmarks, in one run (bench/README.md says what each figure means):
 *
 *   1. generate the synthetic organisation (10,000 entities, 30,000 SLOs, stored evaluations) and
 *      seed it into SQLite and PostgreSQL through the plugin's stores;
 *   2. per database, start the reliability backend in a child process, run the scorecard projector
 *      once, and time the scorecard API from this process over HTTP (first page, a filtered page,
 *      a rollup, the full CSV export), then read the backend's memory;
 *   3. per database, start Tech Insights (with the json-rules-engine checker and checks equivalent
 *      to the scorecard's coverage columns) on the same entities and time its check runs: for one
 *      page of entities and for the whole organisation;
 *   4. print Markdown tables, with ratios between figures measured in this same run.
 *
 * It prints figures only: no target is asserted.
 *
 *   bash bench/run.sh [--requests 60] [--only sqlite|postgres] [--no-tech-insights]
 */
import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, execSync } from 'node:child_process';
import { promisify } from 'node:util';
import {
  BENCH_DIR,
  BenchDb,
  databaseSize,
  postgresDb,
  sqliteDb,
} from './databases';
import { DEFAULT_ORG, generateOrg } from './generateOrg';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const REQUESTS = Number(option('requests', '60'));
const WARMUP = 5;
const TI_PAGE_REQUESTS = Number(option('ti-page-requests', '20'));
const TI_SAMPLE = Number(option('ti-sample', '200'));
/** A full Tech Insights run estimated longer than this is extrapolated from the sample instead. */
const TI_FULL_LIMIT_S = Number(option('ti-full-limit', '300'));
const ONLY = option('only', '');
const PAGE_RUNS = Number(option('page-runs', '10'));
const PAGE = !flag('no-page');

const nodeTransform = require.resolve(
  '@backstage/cli/config/nodeTransform.cjs',
);

interface Child {
  process: ChildProcess;
  exited: Promise<unknown>;
  next<T = any>(type: string): Promise<T>;
  request<T = any>(type: string): Promise<T>;
  stop(): Promise<void>;
}

/** A TypeScript child process, talked to over IPC (messages of other types are ignored). */
function startChild(script: string, args: string[]): Child {
  const child = fork(path.join(__dirname, script), args, {
    execArgv: ['--require', nodeTransform, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise(resolve => child.once('exit', resolve));
  const waiting = new Map<string, (message: any) => void>();
  child.on('message', (message: any) => {
    const resolve = waiting.get(message?.type);
    if (resolve) {
      waiting.delete(message.type);
      resolve(message);
    }
  });
  const next = (type: string) =>
    new Promise<any>((resolve, reject) => {
      waiting.set(type, resolve);
      child.once('exit', code =>
        reject(
          new Error(`${script} exited with ${code} before sending ${type}`),
        ),
      );
    });
  return {
    process: child,
    exited,
    next,
    request(type) {
      const reply = next(type);
      child.send({ type });
      return reply;
    },
    async stop() {
      if (child.exitCode === null) child.send({ type: 'stop' });
      await exited;
    },
  };
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
  n: number;
  bytes: number;
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** Times `n` sequential requests (after `warmup` untimed ones), each until its body is read. */
async function timeRequests(
  url: string,
  n: number,
  warmup = WARMUP,
  init?: RequestInit,
): Promise<Timing & { body: string }> {
  let body = '';
  const durations: number[] = [];
  for (let i = 0; i < warmup + n; i++) {
    const started = performance.now();
    const response = await fetch(url, init);
    body = await response.text();
    const ms = performance.now() - started;
    if (!response.ok)
      throw new Error(`${url}: ${response.status} ${body.slice(0, 300)}`);
    if (i >= warmup) durations.push(ms);
  }
  durations.sort((a, b) => a - b);
  return {
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    max: durations[durations.length - 1],
    n,
    bytes: body.length,
    body,
  };
}

const SCORECARD_REQUESTS = [
  {
    id: 'firstPage',
    label: 'First page (`/scorecard`, 50 rows)',
    path: '/scorecard',
  },
  {
    id: 'filteredPage',
    label: 'Filtered page (`?tier=0,1&missing=slos&sort=budgetRemaining`)',
    path: '/scorecard?tier=0,1&missing=slos&sort=budgetRemaining',
  },
  {
    id: 'rollup',
    label: 'Rollup by owner (`/scorecard/rollups?by=owner`)',
    path: '/scorecard/rollups?by=owner',
  },
  {
    id: 'csv',
    label: 'Full CSV export (`/scorecard/export?format=csv`)',
    path: '/scorecard/export?format=csv',
  },
] as const;

type Memory = {
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  peakRssMiB: number;
};

interface ScorecardResult {
  db: string;
  seed: Record<string, number>;
  rows: number;
  catalogReadMs: number;
  projectMs: number;
  reprojectMs: number;
  timings: Record<string, Timing>;
  beforeProjection: Memory;
  afterProjection: Memory;
  afterRequests: Memory;
  dbBytes: number;
  firstPageRefs: string[];
  missingByRef: Map<string, string[]>;
  page?: PageInteractive;
}

interface PageInteractive {
  cold: number;
  reload: Omit<Timing, 'bytes'>;
  navigation: Omit<Timing, 'bytes'>;
}

/**
 * The scorecard page of the demo portal (started by bench/run.sh) in headless Chromium, its
 * scorecard requests answered by the backend at `base`: bench/pageInteractive.mjs.
 */
async function measurePage(base: string, entities: number) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      path.join(__dirname, 'pageInteractive.mjs'),
      '--api',
      base,
      '--runs',
      String(PAGE_RUNS),
      '--entities',
      String(entities),
    ],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout) as PageInteractive;
}

async function seed(db: BenchDb) {
  const child = startChild('generateOrg.ts', ['--db', db.kind]);
  const seeded = await child.next('seeded');
  await child.exited;
  return seeded;
}

async function benchScorecard(db: BenchDb): Promise<ScorecardResult> {
  log(`[${db.kind}] seeding the organisation`);
  const seeded = await seed(db);
  log(
    `[${db.kind}] starting the reliability backend, projecting the scorecard`,
  );
  const child = startChild('reliabilityBackend.ts', ['--db', db.kind]);
  try {
    const ready = await child.next('ready');
    const base = `http://127.0.0.1:${ready.port}/api/reliability`;
    const timings: Record<string, Timing> = {};
    let firstPageRefs: string[] = [];
    for (const { id, path: p } of SCORECARD_REQUESTS) {
      log(`[${db.kind}] ${REQUESTS} × ${p}`);
      const { body, ...timing } = await timeRequests(base + p, REQUESTS);
      timings[id] = timing;
      if (id === 'firstPage') {
        firstPageRefs = JSON.parse(body).rows.map((r: any) => r.entityRef);
      }
    }
    // Every row's missing requirements, to check that Tech Insights' checks agree.
    const rows = await (
      await fetch(`${base}/scorecard/export?format=json`)
    ).json();
    const missingByRef = new Map<string, string[]>(
      rows.map((r: any) => [r.entityRef, r.missing]),
    );
    let page: PageInteractive | undefined;
    if (PAGE) {
      log(`[${db.kind}] the scorecard page in Chromium, ${PAGE_RUNS} runs`);
      page = await measurePage(base, ready.rows);
    }
    const { memory } = await child.request('memory');
    return {
      page,
      db: db.kind,
      seed: seeded,
      rows: ready.rows,
      catalogReadMs: ready.catalogReadMs,
      projectMs: ready.projectMs,
      reprojectMs: ready.reprojectMs,
      timings,
      beforeProjection: ready.beforeProjection,
      afterProjection: ready.afterProjection,
      afterRequests: memory,
      dbBytes: await databaseSize(db, 'reliability'),
      firstPageRefs,
      missingByRef,
    };
  } finally {
    await child.stop();
  }
}

interface TechInsightsResult {
  db: string;
  factRetrievalMs: Record<string, number>;
  page: Timing;
  sample: { entities: number; runs: number[]; perEntityMs: number };
  full: { entities: number; ms: number; extrapolated: boolean; bytes?: number };
  agreement?: {
    compared: number;
    agree: number;
    byCheck: Record<string, number>;
  };
  afterFacts: Memory;
  afterRuns: Memory;
}

async function benchTechInsights(
  db: BenchDb,
  refs: string[],
  firstPageRefs: string[],
  missingByRef?: Map<string, string[]>,
): Promise<TechInsightsResult> {
  log(`[${db.kind}] starting Tech Insights, collecting facts`);
  const child = startChild('techInsightsBackend.ts', ['--db', db.kind]);
  try {
    const ready = await child.next('ready');
    const url = `http://127.0.0.1:${ready.port}/api/tech-insights/checks/run`;
    const run = (entities: string[]): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entities }),
    });
    log(
      `[${db.kind}] Tech Insights: ${TI_PAGE_REQUESTS} × checks for the scorecard's first page (${firstPageRefs.length} entities)`,
    );
    const { body: _pageBody, ...page } = await timeRequests(
      url,
      TI_PAGE_REQUESTS,
      3,
      run(firstPageRefs),
    );
    log(`[${db.kind}] Tech Insights: 3 × checks for ${TI_SAMPLE} entities`);
    const sampleRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const slice = refs.slice(i * TI_SAMPLE, (i + 1) * TI_SAMPLE);
      const started = performance.now();
      const response = await fetch(url, run(slice));
      const text = await response.text();
      if (!response.ok)
        throw new Error(`checks/run: ${response.status} ${text.slice(0, 300)}`);
      sampleRuns.push(performance.now() - started);
    }
    const perEntityMs = [...sampleRuns].sort((a, b) => a - b)[1] / TI_SAMPLE;
    const estimateS = (perEntityMs * refs.length) / 1000;
    let full: TechInsightsResult['full'];
    let agreement: TechInsightsResult['agreement'];
    if (estimateS <= TI_FULL_LIMIT_S) {
      log(
        `[${db.kind}] Tech Insights: checks for all ${
          refs.length
        } entities (estimated ${Math.round(estimateS)} s)`,
      );
      // `entities: []` runs the checks for every entity Tech Insights holds facts for (one list
      // of 10,000 refs would exceed the endpoint's 100 kB JSON body limit).
      const started = performance.now();
      const response = await fetch(url, run([]));
      const text = await response.text();
      const elapsed = performance.now() - started;
      if (!response.ok)
        throw new Error(`checks/run: ${response.status} ${text.slice(0, 300)}`);
      const results = JSON.parse(text);
      full = {
        entities: results.length,
        ms: elapsed,
        extrapolated: false,
        bytes: text.length,
      };
      if (missingByRef) agreement = compare(results, missingByRef);
    } else {
      full = {
        entities: refs.length,
        ms: perEntityMs * refs.length,
        extrapolated: true,
      };
    }
    const { memory } = await child.request('memory');
    return {
      db: db.kind,
      factRetrievalMs: ready.factRetrievalMs,
      page,
      sample: { entities: TI_SAMPLE, runs: sampleRuns, perEntityMs },
      full,
      agreement,
      afterFacts: ready.afterFacts,
      afterRuns: memory,
    };
  } finally {
    await child.stop();
  }
}

/** Whether each Tech Insights check fails exactly where the scorecard lists the requirement as missing. */
function compare(results: any[], missingByRef: Map<string, string[]>) {
  let compared = 0;
  let agree = 0;
  const byCheck: Record<string, number> = {};
  for (const { entity, results: checks } of results) {
    const missing = missingByRef.get(entity);
    if (!missing) continue;
    compared++;
    let all = true;
    for (const { check, result } of checks) {
      const same = result === !missing.includes(check.id);
      if (!same) {
        byCheck[check.id] = (byCheck[check.id] ?? 0) + 1;
        all = false;
      }
    }
    if (all) agree++;
  }
  return { compared, agree, byCheck };
}

// ---------------------------------------------------------------------------------------------

const startedAt = new Date();
function log(line: string) {
  const s = ((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`${s}s ${line}\n`);
}

const ms = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1);
const s = (value: number) => `${(value / 1000).toFixed(1)} s`;
const ratio = (value: number) =>
  `${
    value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1)
  }×`;
const kb = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.round(bytes / 1024)} kB`;

async function main() {
  const dbs = [sqliteDb(), postgresDb()].filter(
    (db): db is BenchDb => Boolean(db) && (!ONLY || db!.kind === ONLY),
  );
  const loadBefore = os.loadavg();
  // The entities and counts (the seeding child generates the whole organisation again, with the
  // burn-down histories; it is deterministic).
  const org = generateOrg({ historyPoints: 0 });
  const profileKinds = new Set(['Component', 'API', 'Resource', 'System']);
  const refs = org.entities
    .filter(e => profileKinds.has(e.kind))
    .map(e => `${e.kind.toLowerCase()}:default/${e.metadata.name}`);

  const scorecard: ScorecardResult[] = [];
  const techInsights: TechInsightsResult[] = [];
  for (const db of dbs) {
    scorecard.push(await benchScorecard(db));
  }
  if (!flag('no-tech-insights')) {
    for (const db of dbs) {
      const ours = scorecard.find(r => r.db === db.kind)!;
      techInsights.push(
        await benchTechInsights(
          db,
          refs,
          ours.firstPageRefs,
          ours.missingByRef,
        ),
      );
    }
  }
  const loadAfter = os.loadavg();

  // ------------------------------------------------------------------ the report
  const out: string[] = [];
  const p = (line = '') => out.push(line);
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: __dirname })
      .toString()
      .trim();
  } catch {
    // not a git checkout
  }
  p(
    `## Scorecard benchmarks (${startedAt
      .toISOString()
      .slice(0, 16)}Z, commit ${commit})`,
  );
  p();
  p(
    `Machine: ${os.cpus().length} × ${
      os.cpus()[0]?.model ?? 'CPU'
    }, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}; load average ${loadBefore[0].toFixed(
        2,
      )} before, ${loadAfter[0].toFixed(2)} after.`,
  );
  const c = org.counts;
  p(
    `Organisation (seed ${DEFAULT_ORG.seed}, generated in ${s(
      scorecard[0].seed.generateMs,
    )}): ${c.profileEntities.toLocaleString('en')} entities ` +
      `(${c.Component} Components, ${c.API} APIs, ${c.Resource} Resources, ${c.System} Systems) in ` +
      `${DEFAULT_ORG.domains} domains, owned by ${DEFAULT_ORG.teams} teams; tiers 0/1/2/3/none: ` +
      `${c.tier0}/${c.tier1}/${c.tier2}/${c.tier3}/${
        c.tierNone
      }; ${c.slos.toLocaleString('en')} SLOs, ` +
      `${c.statuses.toLocaleString('en')} stored evaluations (on track ${
        c.slo_on_track
      }, burning slowly ${c.slo_burning_slow}, ` +
      `burning fast ${c.slo_burning_fast}, overspent ${c.slo_overspent}, no data ${c.slo_no_data}; ` +
      `${c.slo_never_evaluated} never evaluated), ${DEFAULT_ORG.historyPoints} burn-down points each.`,
  );
  p();
  const header = [
    '',
    ...scorecard.map(r => (r.db === 'sqlite' ? 'SQLite' : 'PostgreSQL 15')),
  ];
  const table = (rows: string[][]) => {
    p(`| ${header.join(' | ')} |`);
    p(`| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const row of rows) p(`| ${row.join(' | ')} |`);
    p();
  };
  p('### Seeding and projection');
  p();
  table([
    [
      'Seed definitions (10,000 `DefinitionsStore.save`)',
      ...scorecard.map(r => s(r.seed.definitionsMs)),
    ],
    [
      'Seed evaluations (`StatusStore.saveSuccess` each)',
      ...scorecard.map(r => s(r.seed.statusesMs)),
    ],
    ['Database size', ...scorecard.map(r => kb(r.dbBytes))],
    [
      'Projector, first run (`projectAll()`, empty tables)',
      ...scorecard.map(r => s(r.projectMs)),
    ],
    [
      'Projector, next run (rows replaced)',
      ...scorecard.map(r => s(r.reprojectMs)),
    ],
    [
      '… of which reading the catalog (in-memory, 500 a page)',
      ...scorecard.map(r => s(r.catalogReadMs)),
    ],
    ['Rows projected', ...scorecard.map(r => r.rows.toLocaleString('en'))],
  ]);
  p(
    `### Scorecard API (${REQUESTS} sequential requests each after ${WARMUP} warm-up; ms, p50 / p95 / max)`,
  );
  p();
  table(
    SCORECARD_REQUESTS.map(({ id, label }) => [
      `${label}, ${kb(scorecard[0].timings[id].bytes)}`,
      ...scorecard.map(r => {
        const t = r.timings[id];
        return `${ms(t.p50)} / **${ms(t.p95)}** / ${ms(t.max)}`;
      }),
    ]),
  );
  if (scorecard.some(r => r.page)) {
    p(
      `### Scorecard page interactive in headless Chromium (ms; first 50 rows, count, coverage and rollup rendered)`,
    );
    p();
    p(
      "The demo portal as deployed (the app's production bundle served by the backend) signed in as the guest; " +
        "its scorecard requests answered by this run's backend with the whole organisation.",
    );
    p();
    table([
      [
        'First load of `/reliability`, empty HTTP cache (every script fetched and compiled)',
        ...scorecard.map(r => (r.page ? ms(r.page.cold) : '–')),
      ],
      [
        `Reload of \`/reliability\`, p50 / p95 (${PAGE_RUNS} runs)`,
        ...scorecard.map(r =>
          r.page
            ? `${ms(r.page.reload.p50)} / **${ms(r.page.reload.p95)}**`
            : '–',
        ),
      ],
      [
        `From the catalog, a click on "Reliability" in the sidebar, p50 / p95 (${PAGE_RUNS} runs)`,
        ...scorecard.map(r =>
          r.page
            ? `${ms(r.page.navigation.p50)} / **${ms(r.page.navigation.p95)}**`
            : '–',
        ),
      ],
    ]);
  }
  p(
    '### Backend memory (MiB; the child process running only the backend; after a full GC)',
  );
  p();
  table([
    [
      'RSS of the started backend, before projecting',
      ...scorecard.map(r => String(r.beforeProjection.rssMiB)),
    ],
    [
      'RSS after the projection',
      ...scorecard.map(r => String(r.afterProjection.rssMiB)),
    ],
    [
      'Peak RSS (the projection included)',
      ...scorecard.map(r => String(r.afterRequests.peakRssMiB)),
    ],
    [
      'RSS after all requests',
      ...scorecard.map(r => String(r.afterRequests.rssMiB)),
    ],
    [
      'Heap used after all requests',
      ...scorecard.map(r => String(r.afterRequests.heapUsedMiB)),
    ],
  ]);
  if (techInsights.length) {
    p('### Tech Insights on the same entities');
    p();
    p(
      '`@backstage-community/plugin-tech-insights-backend` 3.1.0 with `-module-jsonfc` 0.10.0: ' +
        'facts from `entityOwnershipFactRetriever` and a retriever reading the same annotations and links ' +
        'as the scorecard (over HTTP from the catalog), 7 json-rules-engine checks equivalent to the ' +
        "scorecard's missing-requirement columns (each tier's requirements). Timed: `POST /api/tech-insights/checks/run` " +
        '(the batch endpoint, concurrency 100).',
    );
    p();
    const tiHeader = [
      '',
      ...techInsights.map(r =>
        r.db === 'sqlite' ? 'SQLite' : 'PostgreSQL 15',
      ),
    ];
    const tiTable = (rows: string[][]) => {
      p(`| ${tiHeader.join(' | ')} |`);
      p(
        `| ${tiHeader.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
      );
      for (const row of rows) p(`| ${row.join(' | ')} |`);
      p();
    };
    const ours = (db: string) => scorecard.find(r => r.db === db)!;
    tiTable([
      [
        'Fact collection (both retrievers, 10,000 entities)',
        ...techInsights.map(r =>
          s(Object.values(r.factRetrievalMs).reduce((a, b) => a + b, 0)),
        ),
      ],
      [
        `Checks for the first page's 50 entities (ms, p50 / p95, ${TI_PAGE_REQUESTS} runs)`,
        ...techInsights.map(r => `${ms(r.page.p50)} / **${ms(r.page.p95)}**`),
      ],
      [
        `Checks per entity (median of 3 runs of ${TI_SAMPLE})`,
        ...techInsights.map(r => `${r.sample.perEntityMs.toFixed(2)} ms`),
      ],
      [
        '**Checks for the whole organisation** (`entities: []`: every entity with facts)',
        ...techInsights.map(
          r =>
            `**${s(r.full.ms)}**${
              r.full.extrapolated
                ? ` (extrapolated to ${r.full.entities.toLocaleString(
                    'en',
                  )} entities)`
                : ` (${r.full.entities.toLocaleString('en')} entities, ${kb(
                    r.full.bytes ?? 0,
                  )})`
            }`,
        ),
      ],
      [
        'Memory after the runs: RSS / heap used (MiB)',
        ...techInsights.map(
          r => `${r.afterRuns.rssMiB} / ${r.afterRuns.heapUsedMiB}`,
        ),
      ],
      [
        '**Ratio: whole-org checks ÷ scorecard first page p95**',
        ...techInsights.map(
          r => `**${ratio(r.full.ms / ours(r.db).timings.firstPage.p95)}**`,
        ),
      ],
      [
        '**Ratio: whole-org checks ÷ scorecard filtered page p95**',
        ...techInsights.map(
          r => `**${ratio(r.full.ms / ours(r.db).timings.filteredPage.p95)}**`,
        ),
      ],
      [
        'Ratio: whole-org checks ÷ scorecard full CSV export p95',
        ...techInsights.map(r => ratio(r.full.ms / ours(r.db).timings.csv.p95)),
      ],
      [
        'Ratio: 50-entity checks p95 ÷ scorecard first page p95 (page for page)',
        ...techInsights.map(r =>
          ratio(r.page.p95 / ours(r.db).timings.firstPage.p95),
        ),
      ],
    ]);
    const withAgreement = techInsights.find(r => r.agreement);
    if (withAgreement?.agreement) {
      const a = withAgreement.agreement;
      const differing = Object.entries(a.byCheck)
        .map(([id, n]) => `${id}: ${n}`)
        .join(', ');
      p(
        `Equivalence check (${withAgreement.db}): for ${a.agree.toLocaleString(
          'en',
        )} of ${a.compared.toLocaleString(
          'en',
        )} entities every Tech Insights ` +
          `check passes exactly where the scorecard lists nothing missing${
            differing ? `; entities differing per check: ${differing}` : ''
          }.`,
      );
      p();
    }
  }
  const report = out.join('\n');
  process.stdout.write(`\n${report}\n`);
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(
    BENCH_DIR,
    `results-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  );
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        startedAt,
        commit,
        loadBefore,
        loadAfter,
        counts: org.counts,
        scorecard: scorecard.map(
          ({ missingByRef: _m, firstPageRefs: _f, ...r }) => r,
        ),
        techInsights,
      },
      null,
      2,
    ),
  );
  process.stderr.write(`Figures also written to ${file}\n`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
