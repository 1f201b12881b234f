import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CANARY,
  DEFINITION_CASES,
  writeCorpus,
} from '../../../plugins/reliability-backend/src/testing/hostileCorpus';
import { main } from './index';

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
      if (!c.problems.length)
        expect(result.out).toBe(
          `component:default/${id}: ${(c.slos ?? []).length} SLO(s) valid\n`,
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
