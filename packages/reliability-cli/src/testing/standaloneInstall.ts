import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The repository, and the three packages a team's CI installs to run the CLI. */
// A test helper, run from the sources.
// eslint-disable-next-line no-restricted-syntax
const ROOT = path.resolve(__dirname, '../../../..');
const PACKAGES = [
  'plugins/reliability-common',
  'plugins/reliability-node',
  'packages/reliability-cli',
];

/** Runs `node <script> ...args` in `cwd`, failing with its output when it fails. */
async function node(script: string, args: string[], cwd: string) {
  try {
    await exec(process.execPath, [script, ...args], {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${path.basename(script)} ${args.join(' ')} in ${path.relative(
        ROOT,
        cwd,
      )} failed:\n${stdout ?? ''}${stderr ?? ''}`,
    );
  }
}

/** Where a package's dependency resolves from its source folder (node_modules up to the root). */
function resolveFrom(folder: string, dependency: string): string {
  for (let dir = folder; dir.startsWith(ROOT); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', dependency);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`${dependency} of ${folder} is not installed`);
}

/**
 * Builds the CLI and the two libraries it uses as `backstage-cli package build` does for
 * publishing (their declarations first, for the libraries' `dist/index.d.ts`), packs each with
 * `yarn pack` (publishConfig applied, `workspace:^` replaced by versions), and unpacks them into
 * `<dir>/node_modules` of a new folder outside the repository. Their declared third-party
 * dependencies are linked from the repository's installation, so each package can reach only
 * what it declares (and what those declare). Returns the folder and the path of the `bin`.
 */
export async function installBuiltCli(): Promise<{ dir: string; bin: string }> {
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const backstageCli = path.join(
    ROOT,
    'node_modules/@backstage/cli/bin/backstage-cli',
  );
  const yarnRc = await fs.readFile(path.join(ROOT, '.yarnrc.yml'), 'utf8');
  const yarn = path.join(ROOT, /^yarnPath: (.*)$/m.exec(yarnRc)![1].trim());
  const dir = await fs.mkdtemp(
    path.join(os.tmpdir(), 'reliability-cli-standalone-'),
  );
  if (!path.relative(ROOT, dir).startsWith('..'))
    throw new Error(`${dir} is inside the repository`);
  // The libraries' declarations, as `yarn tsc` writes them to dist-types/ (for their build).
  await exec(
    process.execPath,
    [tsc, '-p', 'packages/reliability-cli/standalone/tsconfig.json'],
    {
      cwd: ROOT,
    },
  ).catch(() => {
    // A type error is the type check's to report; the build says if declarations are missing.
  });
  const modules = path.join(dir, 'node_modules');
  const linked = new Map<string, string>();
  for (const relative of PACKAGES) {
    const folder = path.join(ROOT, relative);
    await node(backstageCli, ['package', 'build'], folder);
    const archive = path.join(dir, `${path.basename(relative)}.tgz`);
    await node(yarn, ['pack', '--out', archive], folder);
    const manifest = JSON.parse(
      await fs.readFile(path.join(folder, 'package.json'), 'utf8'),
    );
    const target = path.join(modules, manifest.name);
    await fs.mkdir(target, { recursive: true });
    await exec('tar', ['xzf', archive, '-C', target, '--strip-components=1']);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (dependency.startsWith('@reliability-suite/')) continue;
      const source = await fs.realpath(resolveFrom(folder, dependency));
      const known = linked.get(dependency);
      // Two versions of one dependency: the second is the package's own.
      const link =
        known === undefined || known === source
          ? path.join(modules, dependency)
          : path.join(target, 'node_modules', dependency);
      if (known === source) continue;
      if (known === undefined) linked.set(dependency, source);
      await fs.mkdir(path.dirname(link), { recursive: true });
      await fs.symlink(source, link, 'dir');
    }
  }
  return {
    dir,
    bin: path.join(
      modules,
      '@reliability-suite/reliability-cli/bin/reliability',
    ),
  };
}
