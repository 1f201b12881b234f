import { execFile, spawnSync } from 'node:child_process';

/** Whether promtool (Debian package prometheus) is installed; CI has it. */
export const hasPromtool = spawnSync('promtool', ['--version']).status === 0;

if (!hasPromtool)
  // eslint-disable-next-line no-console
  console.warn(
    'SKIPPED: the tests that load rule files into promtool, as promtool is not installed (Debian package prometheus); CI has it',
  );

/**
 * `describe` for tests that load rule files into promtool: skipped, with a warning that says
 * so, only where promtool is not installed.
 */
export const describeWithPromtool = hasPromtool ? describe : describe.skip;

/** `promtool check rules <files>` run in `cwd`: its exit code and output. */
export function promtoolCheckRules(
  cwd: string,
  files: string[],
): Promise<{ code: number; output: string }> {
  return new Promise(resolve =>
    execFile(
      'promtool',
      ['check', 'rules', ...files],
      { cwd },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          output: `${stdout}${stderr}`,
        }),
    ),
  );
}
