/*
 * The hook for the recording-rule mode (--rules): the suite's exported rules for the whole
 * generated organisation (`yarn reliability rules` over every catalog file), loaded into the
 * benchmark's Prometheus. It reports what Prometheus then does every evaluation interval — rule
 * groups, rules, the time one round of every group takes and the iterations it misses — and
 * leaves them loaded for the steady-state cycle in recording-rule mode (`unloadRules` after).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WrittenCatalog } from './evaluationOrg';
import { BenchPrometheus } from './evaluationMetrics';

const CLI = path.resolve(
  __dirname,
  '../packages/reliability-cli/bin/reliability',
);

interface GroupMetrics {
  groups: number;
  rules: number;
  /** Groups evaluated at least once since `since` (seconds). */
  evaluated: number;
  lastDurationS: number;
  missed: number;
}

async function groupMetrics(url: string, since: number): Promise<GroupMetrics> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m: GroupMetrics = {
    groups: 0,
    rules: 0,
    evaluated: 0,
    lastDurationS: 0,
    missed: 0,
  };
  for (const line of text.split('\n')) {
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (line.startsWith('prometheus_rule_group_rules{')) {
      m.groups++;
      m.rules += value;
    } else if (
      line.startsWith(
        'prometheus_rule_group_last_evaluation_timestamp_seconds{',
      )
    ) {
      if (value >= since) m.evaluated++;
    } else if (
      line.startsWith('prometheus_rule_group_last_duration_seconds{')
    ) {
      m.lastDurationS += value;
    } else if (
      line.startsWith('prometheus_rule_group_iterations_missed_total{')
    ) {
      m.missed += value;
    }
  }
  return m;
}

export async function loadExportedRules(
  catalog: WrittenCatalog,
  prometheus: BenchPrometheus,
  workDir: string,
  log: (line: string) => void,
  waitMinutes = 15,
) {
  const servicesDir = path.dirname(path.dirname(catalog.locations[2]));
  const files = [
    catalog.bigFile,
    ...fs
      .readdirSync(servicesDir)
      .map(name => path.join(servicesDir, name, 'catalog-info.yaml')),
  ];
  const rulesFile = path.join(workDir, 'exported-rules.yaml');
  log(`Rules: yarn reliability rules over ${files.length} catalog files`);
  let started = performance.now();
  const out = fs.openSync(rulesFile, 'w');
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'rules', ...files], {
      stdio: ['ignore', out, 'ignore'],
    });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  fs.closeSync(out);
  const exportMs = performance.now() - started;
  const bytes = fs.statSync(rulesFile).size;
  log(
    `Rules: exported in ${Math.round(exportMs / 1000)} s (${Math.round(
      bytes / 1e6,
    )} MB, exit ${exitCode}); loading them`,
  );

  started = performance.now();
  const since = Date.now() / 1000;
  await prometheus.loadRules(rulesFile);
  const loadMs = performance.now() - started;
  let metrics = await groupMetrics(prometheus.url, since);
  const deadline = Date.now() + waitMinutes * 60_000;
  while (metrics.evaluated < metrics.groups && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 10_000));
    metrics = await groupMetrics(prometheus.url, since);
    log(
      `Rules: ${metrics.evaluated} of ${metrics.groups} groups evaluated once`,
    );
  }
  return {
    exportMs,
    exitCode,
    bytes,
    loadMs,
    ...metrics,
    waitedS: Math.round((Date.now() / 1000 - since) * 10) / 10,
  };
}

/** Unloads the exported rules again. */
export async function unloadRules(prometheus: BenchPrometheus) {
  await prometheus.loadRules(undefined);
}
