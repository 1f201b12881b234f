import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../index';

/** What a run of the CLI printed, and its exit code. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `reliability <args>` in `cwd` (the process's working directory by default). */
export async function runCli(args: string[], cwd?: string): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    { out: text => out.push(text), err: text => err.push(text) },
    { cwd },
  );
  return { code, out: out.join(''), err: err.join('') };
}

/**
 * A temporary folder holding `files` (paths relative to it) for the tests of a `describe`, and
 * the CLI run in it.
 */
export function useFolder(files: Record<string, string>) {
  let dir = '';
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-cli-'));
    for (const [file, text] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), text);
    }
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    run: (...args: string[]) => runCli(args, dir),
  };
}
