import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The corpus lives with the backend's tests, which it also drives; the CLI does not depend on
// the backend.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  ALIAS_BOMB,
  CANARY,
  DEFINITION_CASES,
  ratioSlo,
  writeCorpus,
} from '../../../plugins/reliability-backend/src/testing/hostileCorpus';
import { main } from './index';
import { useFolder } from './testing/cliRun';

/** The hostile corpus through `reliability validate` and `reliability rules`. */
describe('reliability CLI on the hostile corpus', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'hostile-cli-'));
    await writeCorpus(root);
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  async function run(command: string, id: string) {
    const file = path.join(root, 'cases', id, 'catalog-info.yaml');
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([command, file], {
      out: text => out.push(text),
      err: text => err.push(text),
    });
    const folder = `${path.relative(process.cwd(), path.dirname(file))}/`;
    // The CLI names files relative to where it runs; only that prefix may name the folder.
    const all = [...out, ...err].join('').split(folder).join('');
    expect(all).not.toContain(CANARY);
    expect(all).not.toContain(root);
    expect(all).not.toMatch(/\n\s+at /);
    return {
      code,
      out: out.join(''),
      problems: err
        .join('')
        .split('\n')
        .filter(Boolean)
        .map(line =>
          line.replace(`component:default/${id}: `, '').split(folder).join(''),
        ),
    };
  }

  it.each(DEFINITION_CASES.map(c => [c.id, c] as const))(
    'validate %s',
    async (id, c) => {
      const result = await run('validate', id);
      expect(result.problems).toEqual(c.problems);
      expect(result.code).toBe(c.problems.length ? 1 : 0);
      // An entity with a problem is not said to be valid.
      expect(result.out).toBe(
        c.problems.length
          ? ''
          : `component:default/${id}: ${(c.slos ?? []).length} SLO(s) valid\n`,
      );
    },
  );

  it.each(
    DEFINITION_CASES.filter(c => c.category === 'template').map(c => c.id),
  )('rules %s: written so that Prometheus loads them', async id => {
    const result = await run('rules', id);
    expect(result).toMatchObject({ code: 0, problems: [] });
    expect(result.out).toContain('alert: SLOErrorBudgetBurnFast');
  });
});

/** Hostile files given to the CLI directly, and hostile names with --out-dir. */
describe('reliability CLI on hostile files given directly', () => {
  const openSlo = (name: string) =>
    ratioSlo(name).replace('http_requests_total', 'x_total');
  const { dir, run } = useFolder({
    'escape/catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ../../escape
spec: { type: service, owner: team-a, lifecycle: production }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: fine
  namespace: default
spec:
  type: service
  owner: team-a
  lifecycle: production
  reliability:
    slos:
      - name: availability
        objective: 99.9%
        good: ok_total
        total: all_total
`,
    'bomb.yaml': `${openSlo('a')}---\n${ALIAS_BOMB}\n`,
    'huge.yaml': `${openSlo('b')}# ${'x'.repeat(1024 * 1024)}\n`,
    'enormous.yaml': `# ${'x'.repeat(4 * 1024 * 1024 + 1)}\n`,
    'deep.yaml': `${openSlo('c')}---\nspec: ${'['.repeat(200)}${']'.repeat(
      200,
    )}\n`,
  });

  it('refuses an entity name that leads elsewhere, and writes only inside --out-dir', async () => {
    expect(
      await run('rules', '--out-dir=out', 'escape/catalog-info.yaml'),
    ).toEqual({
      code: 1,
      out: 'component:default/fine: out/component.default.fine.yaml\n',
      err: 'escape/catalog-info.yaml:4 metadata.name: is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found "../../escape".\n',
    });
    expect((await fs.readdir(dir())).sort()).toEqual([
      'bomb.yaml',
      'deep.yaml',
      'enormous.yaml',
      'escape',
      'huge.yaml',
      'out',
    ]);
    expect(await fs.readdir(path.join(dir(), 'out'))).toEqual([
      'component.default.fine.yaml',
    ]);
  });

  it.each([
    [
      'bomb.yaml',
      'bomb.yaml:17: invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
    ],
    ['huge.yaml', 'huge.yaml: is larger than 1 MiB'],
    ['enormous.yaml', 'enormous.yaml: is larger than 1 MiB'],
    ['deep.yaml', 'deep.yaml:17: invalid YAML: nested deeper than 64 levels'],
  ])(
    'refuses the OpenSLO file %s without reading it further',
    async (file, problem) => {
      for (const command of ['validate', 'rules'])
        expect(
          await run(command, '--entity=component:default/x', file),
        ).toEqual({
          code: 1,
          out: command === 'rules' ? 'groups: []\n' : '',
          err: `${problem}\n`,
        });
    },
  );
});
