import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

/** What a promtool run printed, and its exit code. */
export interface PromtoolResult {
  code: number;
  output: string;
}

async function promtool(args: string[], cwd: string): Promise<PromtoolResult> {
  return new Promise(resolve => {
    execFile('promtool', args, { cwd }, (error, stdout, stderr) => {
      resolve({
        code: error ? Number(error.code ?? 1) : 0,
        output: `${stdout}${stderr}`,
      });
    });
  });
}

async function inTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-promtool-'));
  try {
    return await run(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** `promtool check rules` on a rule file. */
export async function promtoolCheckRules(
  rulesYaml: string,
): Promise<PromtoolResult> {
  return inTempDir(async dir => {
    await fs.writeFile(path.join(dir, 'rules.yaml'), rulesYaml);
    return promtool(['check', 'rules', 'rules.yaml'], dir);
  });
}

/**
 * `promtool test rules` on a rule file with the given `tests` (the unit-test file's `tests`
 * list): Prometheus evaluates the rules and renders each firing alert's labels and annotations
 * as it would, and compares them with the expected ones.
 */
export async function promtoolTestRules(
  rulesYaml: string,
  tests: unknown[],
): Promise<PromtoolResult> {
  return inTempDir(async dir => {
    await fs.writeFile(path.join(dir, 'rules.yaml'), rulesYaml);
    await fs.writeFile(
      path.join(dir, 'test.yaml'),
      stringify(
        { rule_files: ['rules.yaml'], evaluation_interval: '1m', tests },
        { lineWidth: 0 },
      ),
    );
    return promtool(['test', 'rules', 'test.yaml'], dir);
  });
}
