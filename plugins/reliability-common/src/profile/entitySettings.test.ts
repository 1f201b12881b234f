import { formatProblem } from '../problems';
import { parseYamlFile } from '../yamlSource';
import { readEntitySettings } from './entitySettings';

const read = (annotations: string) => {
  const text = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  annotations:\n${annotations}`;
  const { documents } = parseYamlFile('catalog-info.yaml', text);
  const { settings, problems } = readEntitySettings(documents[0]);
  return { settings, problems: problems.map(formatProblem) };
};

describe('readEntitySettings', () => {
  it('reads tier, files and DR annotations', () => {
    expect(
      read(
        `    reliability-suite.io/tier: tier-1\n    reliability-suite.io/slo-files: slo/*.yaml, extra/latency.yaml\n    reliability-suite.io/rto: 4h\n    reliability-suite.io/rpo: 30m\n    reliability-suite.io/dr-tested: "2026-09-14"\n`,
      ),
    ).toEqual({
      settings: {
        tierLevel: 1,
        sloFilePatterns: ['slo/*.yaml', 'extra/latency.yaml'],
        rtoMinutes: 240,
        rpoMinutes: 30,
        drTested: '2026-09-14',
      },
      problems: [],
    });
  });

  it.each([
    [
      'reliability-suite.io/tier: gold',
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/tier: "gold" is not a tier: use 0, 1, 2 or 3',
    ],
    [
      'reliability-suite.io/rto: soon',
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/rto: "soon" is not a duration such as 15m or 4h',
    ],
    [
      'reliability-suite.io/dr-tested: last week',
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/dr-tested: "last week" is not a date such as 2026-09-14',
    ],
    [
      'reliability-suite.io/slo-files: ../../etc/passwd',
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/slo-files: "../../etc/passwd" must be a path relative to this file, inside its folder',
    ],
  ])('reports %s', (annotation, expected) => {
    expect(read(`    ${annotation}\n`).problems).toEqual([expected]);
  });
});
