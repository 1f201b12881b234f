import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { formatProblem } from '@reliability-suite/plugin-reliability-common';
import { readEntityDefinitions } from './readEntityDefinitions';

const examples = path.resolve(__dirname, '../../../examples');
const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

/** Every entity of the demo organisation with the file it is defined in. */
async function demoEntities(): Promise<
  Array<{ entity: Entity; file: string }>
> {
  const [location] = parseAllDocuments(
    await fs.readFile(path.join(examples, 'all.yaml'), 'utf8'),
  );
  const targets: string[] = (location.toJS() as Entity).spec!
    .targets as string[];
  const all = await Promise.all(
    targets.map(async target => {
      const file = path.join(examples, target);
      const documents = parseAllDocuments(await fs.readFile(file, 'utf8'));
      return documents.map(doc => ({ entity: doc.toJS() as Entity, file }));
    }),
  );
  return all
    .flat()
    .filter(({ entity }) =>
      ['Component', 'API', 'Resource', 'System'].includes(entity.kind),
    );
}

describe('readEntityDefinitions on the demo organisation (file locations)', () => {
  it('finds exactly the deliberate problems, with file and line, and reads every other SLO', async () => {
    const problems: Record<string, string[]> = {};
    let sloCount = 0;
    for (const { entity, file } of await demoEntities()) {
      const definitions = await readEntityDefinitions(entity, `file:${file}`, {
        urlReader: mockServices.urlReader.mock(),
        integrations,
      });
      sloCount += definitions.slos.length;
      // A file that is not YAML cannot say which SLOs it defines.
      expect(definitions.unreadable).toBe(
        entity.metadata.name === 'broken-yaml',
      );
      if (definitions.problems.length > 0) {
        problems[entity.metadata.name] =
          definitions.problems.map(formatProblem);
      }
    }
    expect(problems).toEqual({
      'broken-yaml': [
        'slo/broken-yaml-availability.yaml:15: invalid YAML: All mapping items must start at the same column',
      ],
      'unknown-sli': [
        'slo/unknown-sli.yaml:11 spec.indicatorRef: unknown SLI "does-not-exist" (defined: unknown-sli-success-ratio)',
      ],
      'perfect-target': [
        'slo/perfect-target.yaml:33 spec.objectives[0].target: must be < 1 (100% leaves no error budget)',
      ],
      'hostile-query': [
        'slo/hostile-query.yaml:34 spec.ratioMetric.good.metricSource.spec.query: is not a valid PromQL expression (syntax error at character 53 near ") or vector(1) #")',
        'slo/hostile-query.yaml:39 spec.ratioMetric.total.metricSource.spec.query: is not a valid PromQL expression (syntax error at character 16 near "; drop")',
      ],
    });
    expect(sloCount).toBeGreaterThanOrEqual(30);
  });
});

describe('readEntityDefinitions on SCM locations (url:)', () => {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      annotations: { 'reliability-suite.io/slo-files': 'slo/*.yaml' },
    },
    spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
  };
  const base = 'https://git.example.com/acme/checkout/blob/main';
  const slo = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
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

  it('resolves globs relative to the entity file through UrlReader.search', async () => {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () => ({
        buffer: async () =>
          Buffer.from('kind: Component\nmetadata:\n  name: other\n'),
      }),
      search: async (url: string) => ({
        etag: 'e1',
        files:
          url === `${base}/slo/*.yaml`
            ? [
                {
                  url: `${base}/slo/availability.yaml`,
                  content: async () => Buffer.from(slo),
                },
              ]
            : [],
      }),
    });
    const definitions = await readEntityDefinitions(
      entity,
      `url:${base}/catalog-info.yaml`,
      { urlReader, integrations },
    );
    expect(definitions.problems).toEqual([]);
    expect(definitions.slos.map(s => [s.name, s.source.file])).toEqual([
      ['availability', 'slo/availability.yaml'],
    ]);
  });

  it('reports an unreachable file and marks the result unreadable so stored SLOs are kept', async () => {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      search: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    const definitions = await readEntityDefinitions(
      entity,
      `url:${base}/catalog-info.yaml`,
      { urlReader, integrations },
    );
    expect(definitions.unreadable).toBe(true);
    expect(definitions.problems.map(formatProblem)).toEqual([
      'catalog-info.yaml metadata.annotations.reliability-suite.io/slo-files: cannot read "slo/*.yaml": the repository could not be reached',
    ]);
  });
});
