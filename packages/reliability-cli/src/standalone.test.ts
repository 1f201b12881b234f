import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { installBuiltCli } from './testing/standaloneInstall';
import { USAGE } from './usage';

/**
 * The CLI as a team's CI installs it: built with `backstage-cli package build`, packed with
 * `yarn pack` with the two libraries it uses, unpacked outside this repository and run with node
 * from a folder there, with only the dependencies the packages declare.
 */
describe('the built CLI, installed outside the repository', () => {
  let installed: { dir: string; bin: string };
  let work: string;
  beforeAll(async () => {
    installed = await installBuiltCli();
    work = path.join(installed.dir, 'service');
    await fs.mkdir(path.join(work, 'slo'), { recursive: true });
    await fs.writeFile(
      path.join(work, 'catalog-info.yaml'),
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  annotations:
    reliability-suite.io/slo-files: slo/*.yaml
spec: { type: service, owner: team-a, lifecycle: production }
`,
    );
    await fs.writeFile(
      path.join(work, 'slo/availability.yaml'),
      `apiVersion: openslo/v1
kind: SLO
metadata:
  name: orders-availability
spec:
  indicator:
    metadata: { name: ok }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{job="orders",code!~"5.."}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{job="orders"}' } } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.999 }]
`,
    );
  }, 120_000);
  afterAll(async () => {
    if (installed) await fs.rm(installed.dir, { recursive: true, force: true });
  });

  /** Runs the installed bin from the service's folder, with no NODE_PATH or NODE_OPTIONS. */
  const reliability = (...args: string[]) =>
    new Promise<{ code: number; out: string; err: string }>(resolve =>
      execFile(
        process.execPath,
        [installed.bin, ...args],
        { cwd: work, env: { PATH: process.env.PATH, HOME: installed.dir } },
        (error, out, err) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
      ),
    );

  it('runs from dist/, without the sources', async () => {
    const files = await fs.readdir(path.dirname(path.dirname(installed.bin)));
    expect(files.sort()).toEqual(['bin', 'dist', 'package.json']);
    expect(await reliability('--help')).toEqual({
      code: 0,
      out: USAGE,
      err: '',
    });
  });

  it('validates a catalog file and its OpenSLO file, read from where it runs', async () => {
    expect(
      await reliability(
        'validate',
        'catalog-info.yaml',
        'slo/availability.yaml',
      ),
    ).toEqual({
      code: 0,
      out: 'component:default/orders: 1 SLO(s) valid\nslo/availability.yaml: 1 SLO(s) valid\n',
      err: '',
    });
  });

  it('writes rule files into --out-dir', async () => {
    expect(
      await reliability('rules', '--out-dir=rules', 'catalog-info.yaml'),
    ).toEqual({
      code: 0,
      out: 'component:default/orders: rules/component.default.orders.yaml\n',
      err: '',
    });
    const text = await fs.readFile(
      path.join(work, 'rules/component.default.orders.yaml'),
      'utf8',
    );
    expect(text).toContain(
      'name: slo:component:default/orders:orders-availability\n',
    );
  });
});
