import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, useFolder } from './testing/cliRun';

const SLI = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: ok-ratio
spec:
  ratioMetric:
    counter: true
    good: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{code!~"5.."}' } } }
    total: { metricSource: { type: Prometheus, spec: { query: http_requests_total } } }
`;

const slo = (name: string, target: string) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  indicatorRef: ok-ratio
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: ${target} }]
`;

const component = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web
spec: { type: website, owner: team-a, lifecycle: production }
`;

describe('reliability on OpenSLO files given directly', () => {
  const { run } = useFolder({
    'slo/sli.yaml': SLI,
    'slo/availability.yaml': slo('availability', '0.999'),
    'slo/broken.yaml': slo('broken', '1.5'),
    'slo/unknown-sli.yaml': slo('lonely', '0.99').replace('ok-ratio', 'nope'),
  });

  it('reads them together, so that an SLO uses the SLI of another file', async () => {
    expect(
      await run('validate', 'slo/availability.yaml', 'slo/sli.yaml'),
    ).toEqual({
      code: 0,
      out: 'slo/availability.yaml: 1 SLO(s) valid\nslo/sli.yaml: 0 SLO(s) valid\n',
      err: '',
    });
  });

  it('reports their problems as file:line field: reason and fails', async () => {
    expect(
      await run(
        'validate',
        'slo/sli.yaml',
        'slo/broken.yaml',
        'slo/unknown-sli.yaml',
      ),
    ).toEqual({
      code: 1,
      out: 'slo/sli.yaml: 0 SLO(s) valid\n',
      err:
        'slo/broken.yaml:9 spec.objectives[0].target: must be < 1 (100% leaves no error budget)\n' +
        'slo/unknown-sli.yaml:6 spec.indicatorRef: unknown SLI "nope" (defined: ok-ratio)\n',
    });
  });

  it('writes rules labelled with the entity given by --entity', async () => {
    const result = await run(
      'rules',
      '--entity=api:payments/web-api',
      'slo/availability.yaml',
      'slo/sli.yaml',
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(
      '  - name: slo:api:payments/web-api:availability\n',
    );
    expect(result.out).toContain(
      'expr: (slo:sli_error:ratio_rate1h{slo="availability",entity="api:payments/web-api"} > (14.4 * 0.001))',
    );
  });
});

describe('reliability on a file that is neither a catalog file nor an OpenSLO file', () => {
  const { run } = useFolder({
    'deploy.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    'package.json': '{ "name": "web", "version": "1.0.0" }\n',
    'empty.yaml': '# nothing here\n',
    'list.yaml': '- a\n- b\n',
    'mixed.yaml': `${component}---\n${SLI}`,
    'catalog-info.yaml': component,
  });

  it.each([
    [
      'deploy.yaml',
      'deploy.yaml:1 apiVersion: expected backstage.io/v1alpha1 (a catalog entity) or openslo/v1 (an OpenSLO document)',
    ],
    [
      'package.json',
      'package.json:1: has no apiVersion: expected backstage.io/v1alpha1 (a catalog entity) or openslo/v1 (an OpenSLO document)',
    ],
    [
      'empty.yaml',
      'empty.yaml: holds no YAML document: expected a catalog file or an OpenSLO v1 file',
    ],
    [
      'list.yaml',
      'list.yaml:1: must be a catalog entity or an OpenSLO document (a mapping with apiVersion and kind)',
    ],
    [
      'mixed.yaml',
      'mixed.yaml:7 apiVersion: an OpenSLO document in a catalog file: give its file on its own, or name it in the reliability-suite.io/slo-files annotation',
    ],
  ])('%s is a problem, and the run fails', async (file, problem) => {
    expect(await run('validate', file)).toEqual({
      code: 1,
      out:
        file === 'mixed.yaml' ? 'component:default/web: 0 SLO(s) valid\n' : '',
      err: `${problem}\n`,
    });
  });

  it('is a usage error when it cannot be read, and the other files are still read', async () => {
    expect(
      await run('validate', 'missing.yaml', '.', 'catalog-info.yaml'),
    ).toEqual({
      code: 2,
      out: 'component:default/web: 0 SLO(s) valid\n',
      err: 'missing.yaml: cannot read the file (ENOENT)\n.: is not a file\n',
    });
  });
});

describe('relative paths', () => {
  const { dir, run } = useFolder({
    'team/service/catalog-info.yaml': `${component.replace(
      'metadata:\n',
      'metadata:\n  annotations:\n    reliability-suite.io/slo-files: slo/*.yaml\n',
    )}`,
    'team/service/slo/sli.yaml': SLI,
    'team/service/slo/a.yaml': slo('a', '1'),
  });

  it('are read from the directory the command runs in, and problems name files from there', async () => {
    const problem =
      'spec.objectives[0].target: must be < 1 (100% leaves no error budget)\n';
    expect(await run('validate', 'team/service/catalog-info.yaml')).toEqual({
      code: 1,
      out: '',
      err: `component:default/web: team/service/slo/a.yaml:9 ${problem}`,
    });
    expect(
      await runCli(
        ['validate', '../service/catalog-info.yaml', 'slo/a.yaml'],
        path.join(dir(), 'team/service'),
      ),
    ).toEqual({
      code: 1,
      out: '',
      err: `component:default/web: slo/a.yaml:9 ${problem}slo/a.yaml:9 ${problem}`,
    });
  });
});

describe('yarn reliability', () => {
  const root = path.resolve(__dirname, '../../..');
  const yarnPath = /^yarnPath: (.*)$/m
    .exec(readFileSync(path.join(root, '.yarnrc.yml'), 'utf8'))![1]
    .trim();

  /** `yarn reliability <args>` run in `cwd`, as a user runs it from a folder of the repository. */
  const yarn = (cwd: string, ...args: string[]) =>
    new Promise<{ code: number; out: string; err: string }>(resolve =>
      execFile(
        process.execPath,
        [path.join(root, yarnPath), 'reliability', ...args],
        { cwd },
        (error, out, err) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
      ),
    );

  it('reads relative paths from the directory it is run in, not the repository root', async () => {
    const checkout = path.join(root, 'examples/services/checkout');
    expect(
      await yarn(
        checkout,
        'validate',
        'catalog-info.yaml',
        'slo/checkout-latency.yaml',
      ),
    ).toEqual({
      code: 0,
      out: 'component:default/checkout: 2 SLO(s) valid\napi:default/checkout-api: 1 SLO(s) valid\nslo/checkout-latency.yaml: 1 SLO(s) valid\n',
      err: '',
    });
    expect(
      await yarn(
        path.join(checkout, 'slo'),
        'validate',
        '../catalog-info.yaml',
        'no such.yaml',
      ),
    ).toEqual({
      code: 2,
      out: 'component:default/checkout: 2 SLO(s) valid\napi:default/checkout-api: 1 SLO(s) valid\n',
      err: 'no such.yaml: cannot read the file (ENOENT)\n',
    });
  }, 30_000);
});
