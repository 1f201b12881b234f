/*
 * Synthetic series for the evaluation benchmark, backfilled into a real Prometheus (Debian's
 * `prometheus` and `promtool`) on 127.0.0.1, as the tests and the demo do
 * (`promtool tsdb create-blocks-from openmetrics --max-block-duration=720h`).
 *
 * Per service `svc-N` (N < services), three counters at one sample per `stepSeconds`:
 *   http_requests_total{service, code="200"|"500"}
 *   http_request_duration_seconds_bucket{service, le="0.3"}
 * Traffic 20–2,000 requests a minute with a daily wave; error ratios mostly 0.01–0.2 %, some
 * services worse, and one-hour outages on some. The history runs from 31 days before generation
 * to `aheadHours` after it, so it serves a 30-day window for `aheadHours - 1` hours: the data
 * directory is kept in BENCH_DIR and generated again when older than that or made with other
 * options.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { prng } from './generateOrg';

const run = promisify(execFile);
const DAY_S = 86_400;

export interface SeriesOptions {
  seed: number;
  services: number;
  stepSeconds: number;
  /** Days of history before generation. */
  days: number;
  /** Hours of samples after generation (the data stays usable for one hour less). */
  aheadHours: number;
}

export const METRIC_NAMES = [
  'http_requests_total',
  'http_request_duration_seconds_bucket',
] as const;

/** Per-step increments of one service's counters: deterministic in (seed, service). */
function serviceSteps(
  options: SeriesOptions,
  service: number,
  steps: number,
  firstT: number,
) {
  const rnd = prng(options.seed * 7919 + service * 104_729 + 1);
  const perMinute = 20 * 100 ** rnd.next();
  const errorRatio = rnd.weighted<number>([
    [rnd.between(0.0001, 0.002), 80],
    [rnd.between(0.002, 0.02), 15],
    [rnd.between(0.02, 0.1), 5],
  ]);
  const slowRatio = rnd.between(0.0001, 0.03);
  const outage = rnd.chance(0.1)
    ? rnd.int(0, Math.max(0, steps - 1))
    : undefined;
  const outageSteps = Math.max(1, Math.round(3600 / options.stepSeconds));
  const phase = rnd.next() * 2 * Math.PI;
  const total = new Uint32Array(steps);
  const errors = new Uint32Array(steps);
  const slow = new Uint32Array(steps);
  const perStep = (perMinute * options.stepSeconds) / 60;
  for (let i = 0; i < steps; i++) {
    const t = firstT + i * options.stepSeconds;
    const wave = 1 + 0.3 * Math.sin((2 * Math.PI * t) / DAY_S + phase);
    const n = Math.round(perStep * wave * (0.9 + 0.2 * rnd.next()));
    const inOutage =
      outage !== undefined && i >= outage && i < outage + outageSteps;
    const ratio = inOutage ? 0.3 : errorRatio;
    total[i] = n;
    errors[i] = Math.min(n, Math.floor(n * ratio + rnd.next()));
    slow[i] = Math.min(n, Math.floor(n * slowRatio + rnd.next()));
  }
  return { total, errors, slow };
}

/** Writes every series as OpenMetrics to `file` (several GB at full size: written in chunks). */
export function writeOpenMetrics(
  file: string,
  options: SeriesOptions,
  endS: number,
): { series: number; samples: number; bytes: number } {
  const steps =
    Math.floor(
      (options.days * DAY_S + options.aheadHours * 3600) / options.stepSeconds,
    ) + 1;
  const firstT = endS - (steps - 1) * options.stepSeconds;
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let buffer: string[] = [];
  let buffered = 0;
  const flush = () => {
    const text = buffer.join('');
    bytes += fs.writeSync(fd, text);
    buffer = [];
    buffered = 0;
  };
  const push = (text: string) => {
    buffer.push(text);
    buffered += text.length;
    if (buffered > 8_000_000) flush();
  };
  const writeSeries = (prefix: string, increments: (i: number) => number) => {
    let value = 0;
    let lines = '';
    for (let i = 0; i < steps; i++) {
      value += increments(i);
      lines += `${prefix} ${value} ${firstT + i * options.stepSeconds}\n`;
      if (lines.length > 1_000_000) {
        push(lines);
        lines = '';
      }
    }
    push(lines);
  };
  let series = 0;
  push('# TYPE http_requests_total gauge\n');
  for (let s = 0; s < options.services; s++) {
    const { total, errors } = serviceSteps(options, s, steps, firstT);
    writeSeries(
      `http_requests_total{service="svc-${s}",code="200"}`,
      i => total[i] - errors[i],
    );
    writeSeries(
      `http_requests_total{service="svc-${s}",code="500"}`,
      i => errors[i],
    );
    series += 2;
  }
  push('# TYPE http_request_duration_seconds_bucket gauge\n');
  for (let s = 0; s < options.services; s++) {
    const { total, slow } = serviceSteps(options, s, steps, firstT);
    writeSeries(
      `http_request_duration_seconds_bucket{service="svc-${s}",le="0.3"}`,
      i => total[i] - slow[i],
    );
    series += 1;
  }
  push('# EOF\n');
  flush();
  fs.closeSync(fd);
  return { series, samples: series * steps, bytes };
}

export interface BenchPrometheus {
  url: string;
  pid: number;
  dataDir: string;
  /** What was generated and when (epoch ms), and whether this run generated it. */
  generated: {
    at: number;
    series: number;
    samples: number;
    generateMs?: number;
    backfillMs?: number;
    reused: boolean;
  };
  /** Loads a rule file (replacing any loaded before) and waits for Prometheus to accept it. */
  loadRules(file: string | undefined): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Stops a Prometheus a crashed run left on this data directory (it holds the directory's lock). */
function stopStale(pidFile: string, dataDir: string) {
  const pid = Number(
    fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8') : NaN,
  );
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmd.includes('prometheus') && cmd.includes(dataDir))
      process.kill(pid, 'SIGKILL');
  } catch {
    // not running
  }
}

/**
 * Generates and backfills the series into `dir` when needed, then starts Prometheus on a free
 * loopback port (400 days of retention; `/-/reload` enabled for the rule file hook).
 */
export async function startBenchPrometheus(
  dir: string,
  options: SeriesOptions,
  log: (line: string) => void,
): Promise<BenchPrometheus> {
  const dataDir = path.join(dir, 'data');
  const markerFile = path.join(dir, 'generated.json');
  const pidFile = path.join(dir, 'prometheus.pid');
  fs.mkdirSync(dir, { recursive: true });
  stopStale(pidFile, dataDir);
  const key = JSON.stringify(options);
  let marker: any;
  try {
    marker = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
  } catch {
    marker = undefined;
  }
  const usableUntil = marker
    ? marker.at + (options.aheadHours - 1) * 3_600_000
    : 0;
  let generated: BenchPrometheus['generated'];
  if (marker?.key === key && Date.now() < usableUntil) {
    generated = { ...marker, reused: true };
    log(
      `Prometheus data from ${new Date(marker.at).toISOString()} reused (${
        marker.series
      } series, ${marker.samples} samples)`,
    );
  } else {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(markerFile, { force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    const at = Date.now();
    const endS =
      Math.floor(at / 1000 / options.stepSeconds) * options.stepSeconds +
      options.aheadHours * 3600;
    const file = path.join(dir, 'series.om');
    log(
      `Writing ${options.days} days of series for ${options.services} services (one sample every ${options.stepSeconds} s)`,
    );
    let started = performance.now();
    const written = writeOpenMetrics(file, options, endS);
    const generateMs = performance.now() - started;
    log(
      `  ${written.series} series, ${written.samples} samples, ${(
        written.bytes / 1e9
      ).toFixed(1)} GB in ${Math.round(
        generateMs / 1000,
      )} s; backfilling with promtool`,
    );
    started = performance.now();
    try {
      await run(
        'promtool',
        [
          'tsdb',
          'create-blocks-from',
          'openmetrics',
          '--max-block-duration=720h',
          file,
          dataDir,
        ],
        { maxBuffer: 64 * 1024 * 1024 },
      );
    } finally {
      fs.rmSync(file, { force: true });
    }
    const backfillMs = performance.now() - started;
    log(`  backfilled in ${Math.round(backfillMs / 1000)} s`);
    generated = {
      at,
      series: written.series,
      samples: written.samples,
      generateMs,
      backfillMs,
      reused: false,
    };
    fs.writeFileSync(markerFile, JSON.stringify({ ...generated, key }));
  }

  const configFile = path.join(dir, 'prometheus.yml');
  const writeConfig = (rules?: string) =>
    fs.writeFileSync(
      configFile,
      [
        '# Written by bench/evaluationMetrics.ts: no scrape targets, only the backfilled series.',
        'global:',
        '  scrape_interval: 1m',
        '  evaluation_interval: 1m',
        ...(rules ? [`rule_files: [${JSON.stringify(rules)}]`] : []),
        'scrape_configs: []',
        '',
      ].join('\n'),
    );
  writeConfig();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = fs.openSync(path.join(dir, 'prometheus.log'), 'w');
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      '--storage.tsdb.retention.time=400d',
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
    ],
    { stdio: ['ignore', logFile, logFile] },
  );
  fs.writeFileSync(pidFile, String(child.pid));
  const exited = new Promise(resolve => child.once('exit', resolve));
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || attempt > 600)
      throw new Error(
        `Prometheus did not become ready (log: ${path.join(
          dir,
          'prometheus.log',
        )})`,
      );
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    dataDir,
    generated,
    async loadRules(file) {
      writeConfig(file);
      const response = await fetch(`${url}/-/reload`, { method: 'POST' });
      if (!response.ok)
        throw new Error(
          `Prometheus refused the rules: ${
            response.status
          } ${await response.text()}`,
        );
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(pidFile, { force: true });
    },
  };
}

/** Counters of Prometheus's own /metrics that the benchmark reads before and after a cycle. */
export interface PrometheusCounters {
  /** Requests answered by /api/v1/query and /api/v1/query_range. */
  queries: number;
  /** Seconds spent answering them (HTTP handler time inside Prometheus). */
  querySeconds: number;
}

export async function prometheusCounters(
  url: string,
): Promise<PrometheusCounters> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let queries = 0;
  let querySeconds = 0;
  for (const line of text.split('\n')) {
    if (!/handler="\/api\/v1\/query(_range)?"/.test(line)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (line.startsWith('prometheus_http_requests_total{')) queries += value;
    else if (line.startsWith('prometheus_http_request_duration_seconds_sum{'))
      querySeconds += value;
  }
  return { queries, querySeconds };
}
