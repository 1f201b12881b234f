import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DefinitionFileCache,
  readEntityDefinitions,
} from '@reliability-suite/plugin-reliability-node';
import { parse } from 'yaml';
import { main } from './index';

jest.mock('@reliability-suite/plugin-reliability-node', () => {
  const actual = jest.requireActual(
    '@reliability-suite/plugin-reliability-node',
  );
  return {
    ...actual,
    readEntityDefinitions: jest.fn(actual.readEntityDefinitions),
  };
});

const examples = path.resolve(__dirname, '../../../examples/services');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: text => out.push(text),
    err: text => err.push(text),
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('reliability CLI', () => {
  it('reads and parses a catalog file of 300 entities once, not once per entity', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-cli-'));
    const file = path.join(dir, 'catalog-info.yaml');
    await fs.writeFile(
      file,
      Array.from(
        { length: 300 },
        (_, i) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: service-${i}
  annotations:
    reliability-suite.io/tier: "2"
spec:
  type: service
  lifecycle: production
  owner: team-a
  reliability:
    slos:
      - name: availability
        objective: 99.9%
        bad: http_requests_total{job="service-${i}",code=~"5.."}
        total: http_requests_total{job="service-${i}"}
`,
      ).join('---\n'),
    );
    const cache = new DefinitionFileCache();
    const out: string[] = [];
    const code = await main(
      ['validate', file],
      { out: text => out.push(text), err: () => {} },
      { cache },
    );
    expect(code).toBe(0);
    expect(out).toHaveLength(300);
    expect(out[299]).toBe('component:default/service-299: 1 SLO(s) valid\n');
    expect(cache.stats).toEqual({
      fetched: 1,
      unchanged: 0,
      fresh: 299,
      derived: 1,
      parsed: 300,
    });
    await fs.rm(dir, { recursive: true });
  });

  it('validates a complete service (the component and the API it provides)', async () => {
    const result = await run(
      'validate',
      path.join(examples, 'checkout/catalog-info.yaml'),
    );
    expect(result).toEqual({
      code: 0,
      out: 'component:default/checkout: 2 SLO(s) valid\napi:default/checkout-api: 1 SLO(s) valid\n',
      err: '',
    });
  });

  it('reports each problem with file, line and field, and fails', async () => {
    const result = await run(
      'validate',
      path.join(examples, 'perfect-target/catalog-info.yaml'),
    );
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `component:default/perfect-target: ${path.relative(
        process.cwd(),
        path.join(examples, 'perfect-target'),
      )}/slo/perfect-target.yaml:33 spec.objectives[0].target: must be < 1 (100% leaves no error budget)\n`,
    );
  });

  it('prints Prometheus rules', async () => {
    const result = await run(
      'rules',
      path.join(examples, 'checkout/catalog-info.yaml'),
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'name: slo:component:default/checkout:checkout-availability',
    );
    expect(result.out).toContain('alert: SLOErrorBudgetBurnFast');
  });

  it('explains its usage', async () => {
    const result = await run('frobnicate');
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'reliability validate [options] <file>...   check catalog files and OpenSLO files\n',
    );
  });
});

/** `promtool check rules` on what the CLI printed: its exit code and output. */
async function promtoolCheck(rulesYaml: string) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-cli-'));
  try {
    await fs.writeFile(path.join(dir, 'rules.yaml'), rulesYaml);
    return await new Promise<{ code: number; output: string }>(resolve =>
      execFile(
        'promtool',
        ['check', 'rules', 'rules.yaml'],
        { cwd: dir },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number(error.code ?? 1) : 0,
            output: `${stdout}${stderr}`,
          }),
      ),
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A catalog file of one Component with one inline SLO, in a folder of its own. */
async function catalogFile(displayName: string, runbook: string) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-cli-'));
  const file = path.join(dir, 'catalog-info.yaml');
  await fs.writeFile(
    file,
    `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: hostile
  annotations:
    reliability-suite.io/tier: "3"
  links:
    - url: ${JSON.stringify(runbook)}
      type: runbook
spec:
  type: service
  lifecycle: production
  owner: team-a
  reliability:
    slos:
      - name: availability
        displayName: ${JSON.stringify(displayName)}
        objective: 99.9%
        bad: http_requests_total{job="hostile",code=~"5.."}
        total: http_requests_total{job="hostile"}
`,
  );
  return file;
}

const groupNames = (rulesYaml: string) =>
  parse(rulesYaml).groups.map((group: { name: string }) => group.name);

describe('reliability rules', () => {
  it('prints one rule file for all entities, which Prometheus loads', async () => {
    const result = await run(
      'rules',
      path.join(examples, 'checkout/catalog-info.yaml'),
    );
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out.match(/^groups:/gm)).toHaveLength(1);
    // Each SLO's burn rates and alerts, then its window's counts (recorded less often).
    expect(groupNames(result.out)).toEqual([
      'slo:component:default/checkout:checkout-availability',
      'slo:component:default/checkout:checkout-availability:window',
      'slo:component:default/checkout:checkout-latency',
      'slo:component:default/checkout:checkout-latency:window',
      'slo:api:default/checkout-api:checkout-availability',
      'slo:api:default/checkout-api:checkout-availability:window',
    ]);
    expect(await promtoolCheck(result.out)).toEqual({
      code: 0,
      output: 'Checking rules.yaml\n  SUCCESS: 42 rules found\n\n',
    });
  });

  it('writes display names and runbook URLs that are Go templates so that Prometheus renders them as written', async () => {
    const file = await catalogFile(
      '{{ range query "up" }}{{ . }}{{ end }} `x` "y" \\ é',
      'https://runbooks.example.com/{{ $labels.instance }}',
    );
    const result = await run('rules', file);
    expect(result).toMatchObject({ code: 0, err: '' });
    const fast = parse(result.out).groups[0].rules[7];
    expect(fast.annotations).toEqual({
      summary:
        '{{ "{{" }} range query "up" }}{{ "{{" }} . }}{{ "{{" }} end }} `x` "y" \\ é of component:default/hostile burns its error budget at over 14.4× (1h/5m)',
      description:
        'At this rate 2% of the 30d error budget is spent within 1h.',
      runbook_url:
        'https://runbooks.example.com/{{ "{{" }} $labels.instance }}',
    });
    expect(await promtoolCheck(result.out)).toEqual({
      code: 0,
      output: 'Checking rules.yaml\n  SUCCESS: 14 rules found\n\n',
    });
    await fs.rm(path.dirname(file), { recursive: true });
  });

  it('fails, and leaves out of the file it prints, groups Prometheus would not load', async () => {
    const file = await catalogFile('Availability', 'https://r.example.com/a');
    const broken = await catalogFile(
      'Lone \ud800 surrogate',
      'https://r.example.com/b',
    );
    const result = await run('rules', file, file, broken);
    expect(result.code).toBe(1);
    const summary = (rule: number) =>
      `component:default/hostile: ${broken}: group "slo:component:default/hostile:availability": rules[${rule}].annotations.summary: is not valid Unicode (has a lone surrogate)\n`;
    const repeated = (from: string) =>
      `component:default/hostile: ${from}: group "slo:component:default/hostile:availability": name: is repeated (the entity or its SLO is defined twice)\n`;
    expect(result.err).toBe(
      [repeated(file), repeated(broken), ...[7, 8, 9, 10].map(summary)].join(
        '',
      ),
    );
    expect(groupNames(result.out)).toEqual([
      'slo:component:default/hostile:availability',
      'slo:component:default/hostile:availability:window',
    ]);
    expect(await promtoolCheck(result.out)).toEqual({
      code: 0,
      output: 'Checking rules.yaml\n  SUCCESS: 14 rules found\n\n',
    });
    await fs.rm(path.dirname(file), { recursive: true });
    await fs.rm(path.dirname(broken), { recursive: true });
  });

  it('reports an unexpected error as file: reason, without a stack trace, and goes on with the next entity', async () => {
    const file = path.join(examples, 'checkout/catalog-info.yaml');
    jest
      .mocked(readEntityDefinitions)
      .mockRejectedValueOnce(new Error('the disk is on fire'));
    const result = await run('rules', file);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`${file}: the disk is on fire\n`);
    expect(groupNames(result.out)).toEqual([
      'slo:api:default/checkout-api:checkout-availability',
      'slo:api:default/checkout-api:checkout-availability:window',
    ]);
    jest.mocked(readEntityDefinitions).mockRejectedValueOnce('not an Error');
    expect(await run('validate', file)).toEqual({
      code: 1,
      out: 'api:default/checkout-api: 1 SLO(s) valid\n',
      err: `${file}: not an Error\n`,
    });
  });
});

describe('reliability validate reads catalog files as the catalog does', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-catalog-'));
  });
  afterAll(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  const validate = async (text: string) => {
    const file = path.join(
      folder,
      `c${Math.random().toString(36).slice(2)}.yaml`,
    );
    await fs.writeFile(file, text);
    const result = await run('validate', path.relative(process.cwd(), file));
    return {
      ...result,
      err: result.err.split(path.relative(process.cwd(), file)).join('FILE'),
    };
  };
  const component = (name: string, extra = '') =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${extra}spec: { type: service, owner: team-a, lifecycle: production }\n`;

  it('reports YAML errors with their lines: duplicate keys, tabs, syntax', async () => {
    expect(
      await validate(
        `${component(
          'a',
          '  name: b\n',
        )}---\nkind: Component\nmetadata:\n\tname: tab\n---\nx: [1, 2\n`,
      ),
    ).toEqual({
      code: 1,
      out: '',
      err: [
        'FILE:5: invalid YAML: Map keys must be unique',
        'FILE:10: invalid YAML: Tabs are not allowed as indentation',
        'FILE:13: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
        '',
      ].join('\n'),
    });
  });

  it('applies the catalog’s own name rules', async () => {
    expect(await validate(component('"Bad Name!"'))).toEqual({
      code: 1,
      out: '',
      err: 'FILE:4 metadata.name: is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found "Bad Name!".\n',
    });
    expect(await validate(component(`n${'x'.repeat(63)}`))).toMatchObject({
      code: 1,
    });
  });

  it('refuses an alias bomb without expanding it', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(await validate(bomb)).toEqual({
      code: 1,
      out: '',
      err: 'FILE:1: invalid YAML: aliases expand to more than 100 copies (an alias bomb)\n',
    });
  });

  it('names a file it cannot read without a stack trace, as a usage error', async () => {
    expect(await run('validate', 'no/such/catalog-info.yaml')).toEqual({
      code: 2,
      out: '',
      err: 'no/such/catalog-info.yaml: cannot read the file (ENOENT)\n',
    });
  });
});

describe('--scrape-interval', () => {
  it('checks time slices against the scrape interval given', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-scrape-'));
    const file = path.join(folder, 'catalog-info.yaml');
    await fs.writeFile(
      file,
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc
spec:
  type: service
  owner: team-a
  reliability:
    slos:
      - name: sliced
        objective: 99%
        good: ok_total
        total: all_total
        budgeting: Timeslices
        timeSliceTarget: 0.9
        timeSliceWindow: 1m
`,
    );
    const relative = path.relative(process.cwd(), file);
    expect((await run('validate', relative)).err).toBe(
      `component:default/svc: ${relative}:16 spec.reliability.slos[0].timeSliceWindow: "1m" is shorter than two scrape intervals (2m): events cannot be counted in it\n`,
    );
    expect(await run('validate', '--scrape-interval=15s', relative)).toEqual({
      code: 0,
      out: 'component:default/svc: 1 SLO(s) valid\n',
      err: '',
    });
    expect(
      (await run('validate', '--scrape-interval=soon', relative)).code,
    ).toBe(2);
    await fs.rm(folder, { recursive: true, force: true });
  });
});
