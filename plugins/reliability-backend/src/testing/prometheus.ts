import { ChildProcess, execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One backfilled series: labels and a value per minute. */
export interface SeriesSpec {
  name: string;
  labels: Record<string, string>;
  /** Value at each sample, oldest first. */
  values: number[];
}

/** A real Prometheus (Debian's `prometheus`) with backfilled history, for tests. */
export interface TestPrometheus {
  url: string;
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

/** Writes series as OpenMetrics, one sample per `stepMs` ending at `endMs`. */
export function toOpenMetrics(
  series: SeriesSpec[],
  endMs: number,
  stepMs: number,
): string {
  const lines: string[] = [];
  for (const name of [...new Set(series.map(s => s.name))]) {
    lines.push(`# TYPE ${name} gauge`);
    for (const spec of series.filter(s => s.name === name)) {
      const labels = Object.entries(spec.labels)
        .map(([key, value]) => `${key}="${value}"`)
        .join(',');
      const first = endMs - (spec.values.length - 1) * stepMs;
      spec.values.forEach((value, index) => {
        lines.push(
          `${name}{${labels}} ${value} ${(first + index * stepMs) / 1000}`,
        );
      });
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

/**
 * Backfills the series with `promtool tsdb create-blocks-from openmetrics` and starts Prometheus
 * on a free loopback port with 400 days of retention, as the demo does.
 */
export async function startPrometheus(
  openMetrics: string,
  options: { rules?: string } = {},
): Promise<TestPrometheus> {
  const dir = await fs.mkdtemp(
    path.join(os.tmpdir(), 'reliability-prometheus-'),
  );
  const dataDir = path.join(dir, 'data');
  await fs.mkdir(dataDir);
  await fs.writeFile(path.join(dir, 'metrics.om'), openMetrics);
  const ruleFiles = options.rules
    ? `rule_files: [${JSON.stringify(path.join(dir, 'rules.yaml'))}]\n`
    : '';
  if (options.rules)
    await fs.writeFile(path.join(dir, 'rules.yaml'), options.rules);
  await fs.writeFile(
    path.join(dir, 'prometheus.yml'),
    `global:\n  scrape_interval: 1m\n  evaluation_interval: 1s\n${ruleFiles}scrape_configs: []\n`,
  );
  await run('promtool', [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    '--max-block-duration=720h',
    path.join(dir, 'metrics.om'),
    dataDir,
  ]);
  const port = await freePort();
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${dataDir}`,
      `--storage.tsdb.retention.time=400d`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 100) throw new Error('Prometheus did not become ready');
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise(resolve => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
