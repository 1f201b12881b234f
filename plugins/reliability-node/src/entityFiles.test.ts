import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { formatProblem } from '@reliability-suite/plugin-reliability-common';
import { parse as parseYaml } from 'yaml';
import { readEntityDefinitions } from './readEntityDefinitions';

const CANARY = 'CANARY-8d1f0c-do-not-leak';
const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

const slo = (name: string) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  indicator:
    metadata: { name: ok }
    spec:
      thresholdMetric:
        metricSource: { type: Prometheus, spec: { query: up } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99, op: gte, value: 1 }]
`;

function entityWith(files: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'svc',
      annotations: { 'reliability-suite.io/slo-files': files },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

/**
 * A repository checkout: `<root>/secret.yaml` and `<root>/outside/x.yaml` hold the canary, the
 * entity lives in `<root>/team/svc/catalog-info.yaml` next to `slo/` and a few symbolic links.
 */
let root: string;
let entityFile: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'containment-'));
  const folder = path.join(root, 'team', 'svc');
  await fs.mkdir(path.join(folder, 'slo'), { recursive: true });
  await fs.mkdir(path.join(root, 'outside'));
  await fs.writeFile(path.join(root, 'secret.yaml'), `secret: ${CANARY}\n`);
  await fs.writeFile(
    path.join(root, 'outside', 'x.yaml'),
    `${slo('stolen')}# ${CANARY}\n`,
  );
  await fs.writeFile(path.join(root, 'team', 'y.yaml'), `x: ${CANARY}\n`);
  await fs.writeFile(path.join(folder, 'slo', 'a.yaml'), slo('inside'));
  await fs.symlink(
    path.join(root, 'secret.yaml'),
    path.join(folder, 'slo', 'link.yaml'),
  );
  await fs.symlink(path.join(root, 'outside'), path.join(folder, 'linked'));
  await fs.symlink(
    path.join(folder, 'slo', 'a.yaml'),
    path.join(folder, 'ok.yaml'),
  );
  await fs.writeFile(
    path.join(folder, 'big.yaml'),
    'x'.repeat(1024 * 1024 + 1),
  );
  entityFile = path.join(folder, 'catalog-info.yaml');
  await fs.writeFile(entityFile, 'kind: Component\n');
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function readLocal(files: string) {
  const definitions = await readEntityDefinitions(
    entityWith(files),
    `file:${entityFile}`,
    { urlReader: mockServices.urlReader.mock(), integrations },
  );
  const shown = JSON.stringify(definitions);
  expect(shown).not.toContain(CANARY);
  expect(shown).not.toContain(root);
  return {
    problems: definitions.problems.map(formatProblem),
    slos: definitions.slos.map(s => s.name),
    unreadable: definitions.unreadable,
  };
}

const FIELD =
  'catalog-info.yaml metadata.annotations.reliability-suite.io/slo-files';

describe('SLO files stay inside the folder of the entity file (file locations)', () => {
  it.each([
    [
      '.[.]/.[.]/secret.*',
      `"${'.[.]/.[.]/secret.*'}" leads outside the folder of the entity's file`,
    ],
    [
      '[.][.]/[.][.]/secret.yaml',
      `"[.][.]/[.][.]/secret.yaml" leads outside the folder of the entity's file`,
    ],
    [
      '[.][.]/y.yaml',
      `"[.][.]/y.yaml" leads outside the folder of the entity's file`,
    ],
    [
      'slo/link.yaml',
      `"slo/link.yaml" leads outside the folder of the entity's file`,
    ],
    [
      'slo/*.yaml',
      `"slo/*.yaml" leads outside the folder of the entity's file`,
    ],
    [
      'linked/x.yaml',
      `"linked/x.yaml" leads outside the folder of the entity's file`,
    ],
    [
      'linked/*.yaml',
      `"linked/*.yaml" leads outside the folder of the entity's file`,
    ],
    ['big.yaml', '"big.yaml": big.yaml is larger than 1 MiB'],
    ['slo', '"slo" is a folder, not a file'],
  ])('%s is refused without reading it', async (pattern, message) => {
    expect(await readLocal(pattern)).toEqual({
      problems: [`${FIELD}: ${message}`],
      slos: [],
      unreadable: true,
    });
  });

  it.each([['../secret.yaml'], ['/etc/passwd'], ['file:///etc/passwd']])(
    '%s is refused by the annotation check',
    async pattern => {
      expect(await readLocal(pattern)).toEqual({
        problems: [
          `${FIELD}: "${pattern}" must be a path relative to this file, inside its folder`,
        ],
        slos: [],
        unreadable: true,
      });
    },
  );

  it('reads files inside the folder, also through a link that stays inside', async () => {
    expect(await readLocal('ok.yaml')).toEqual({
      problems: [],
      slos: ['inside'],
      unreadable: false,
    });
  });

  it.each([
    ['[.][.]/[.][.]/secret.yaml'],
    ['[.][.]/[.][.]/no-such-file.yaml'],
    ['*(.)/[.][.]/y.yaml'],
    ['[.][.]/[.][.]/[.][.]/**/zzz'],
    ['slo\\*.yaml'],
  ])(
    '%s is refused before any folder is walked, whether or not it exists',
    async pattern => {
      expect((await readLocal(pattern)).problems).toEqual([
        `${FIELD}: "${pattern}" leads outside the folder of the entity's file`,
      ]);
    },
  );

  it('answers alike for links to outside files that exist and that do not', async () => {
    const link = path.join(path.dirname(entityFile), 'probe.yaml');
    for (const target of ['secret.yaml', 'no-such-file.yaml']) {
      await fs.rm(link, { force: true });
      await fs.symlink(path.join(root, target), link);
      expect((await readLocal('probe.yaml')).problems).toEqual([
        `${FIELD}: "probe.yaml" leads outside the folder of the entity's file`,
      ]);
    }
    await fs.rm(link, { force: true });
    for (const name of ['x.yaml', 'no-such-file.yaml']) {
      expect((await readLocal(`linked/${name}`)).problems).toEqual([
        `${FIELD}: "linked/${name}" leads outside the folder of the entity's file`,
      ]);
    }
  });

  it('calls the folder itself a folder', async () => {
    expect((await readLocal('.')).problems).toEqual([
      `${FIELD}: "." is a folder, not a file`,
    ]);
  });

  it('does not follow a linked folder outside with a recursive glob', async () => {
    expect(await readLocal('**/x.yaml')).toEqual({
      problems: [`${FIELD}: no file matches "**/x.yaml"`],
      slos: [],
      unreadable: false,
    });
  });

  it('names a missing file without its server path', async () => {
    expect(await readLocal('slo/missing.yaml, none/*.yaml')).toEqual({
      problems: [
        `${FIELD}: no file matches "slo/missing.yaml"`,
        `${FIELD}: no file matches "none/*.yaml"`,
      ],
      slos: [],
      unreadable: false,
    });
  });
});

describe('SLO files stay inside the folder of the entity file (url locations)', () => {
  const base = 'https://git.example.com/acme/repo/blob/main/team/svc';
  const read = async (
    files: string,
    urlReader = mockServices.urlReader.mock({
      readUrl: async (url: string) => {
        if (url === `${base}/slo/a.yaml`)
          return { buffer: async () => Buffer.from(slo('inside')) };
        throw new NotFoundError(`${url} not found, ${CANARY}`);
      },
      search: async (url: string) => ({
        etag: 'e',
        files: [
          {
            url: `${base}/slo/a.yaml`,
            content: async () => Buffer.from(slo('inside')),
          },
          ...(url.includes('*')
            ? [
                {
                  url: 'https://git.example.com/acme/repo/blob/main/secret.yaml',
                  content: async () => Buffer.from(CANARY),
                },
              ]
            : []),
        ],
      }),
    }),
  ) => {
    const definitions = await readEntityDefinitions(
      entityWith(files),
      `url:${base}/catalog-info.yaml`,
      { urlReader, integrations },
    );
    expect(JSON.stringify(definitions)).not.toContain(CANARY);
    return definitions.problems.map(formatProblem);
  };

  it('refuses a search result outside the folder', async () => {
    expect(await read('slo/*.yaml')).toEqual([
      `${FIELD}: "slo/*.yaml" leads outside the folder of the entity's file`,
    ]);
  });

  it.each(['%2e%2e/%2e%2e/secret.yaml', '.%2E/x.yaml'])(
    'refuses encoded dot segments: %s',
    async pattern => {
      expect(await read(pattern)).toEqual([
        `${FIELD}: "${pattern}" leads outside the folder of the entity's file`,
      ]);
    },
  );

  it('reads a file inside and names a missing one without the reader message', async () => {
    expect(await read('slo/a.yaml, slo/b.yaml')).toEqual([
      `${FIELD}: no file matches "slo/b.yaml"`,
    ]);
  });
});

describe('SLO names are unique across the inline form and OpenSLO files', () => {
  it('reports an OpenSLO SLO named like an inline one and keeps the inline one', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'dupes-'));
    await fs.mkdir(path.join(folder, 'slo'));
    await fs.writeFile(path.join(folder, 'slo', 'a.yaml'), slo('availability'));
    const file = path.join(folder, 'catalog-info.yaml');
    const text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc
  annotations:
    reliability-suite.io/slo-files: slo/a.yaml
spec:
  type: service
  owner: team-a
  reliability:
    slos:
      - name: availability
        objective: 99.9%
        good: ok_total
        total: all_total
`;
    await fs.writeFile(file, text);
    const entity = parseYaml(text);
    const definitions = await readEntityDefinitions(entity, `file:${file}`, {
      urlReader: mockServices.urlReader.mock(),
      integrations,
    });
    await fs.rm(folder, { recursive: true, force: true });
    expect(definitions.slos.map(s => [s.name, s.source.format])).toEqual([
      ['availability', 'inline'],
    ]);
    expect(definitions.problems.map(formatProblem)).toEqual([
      'slo/a.yaml:1 metadata.name: duplicate SLO name "availability" (also defined in catalog-info.yaml:12)',
    ]);
  });
});
