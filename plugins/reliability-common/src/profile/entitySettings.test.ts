import { formatProblem } from '../problems';
import { parseYamlFile } from '../yamlSource';
import { readEntitySettings } from './entitySettings';

const read = (annotations: string, tierLevels?: number[]) => {
  const text = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  annotations:\n${annotations}`;
  const { documents } = parseYamlFile('catalog-info.yaml', text);
  const { settings, problems } = readEntitySettings(documents[0], tierLevels);
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

  it('accepts exactly the default levels without configured tiers', () => {
    expect(
      ['0', 'Tier 3', '4', 'tier-9', '10'].map(tier =>
        read(`    reliability-suite.io/tier: "${tier}"\n`).problems.join(''),
      ),
    ).toEqual([
      '',
      '',
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/tier: "4" is not a tier: use 0, 1, 2 or 3',
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/tier: "tier-9" is not a tier: use 0, 1, 2 or 3',
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/tier: "10" is not a tier: use 0, 1, 2 or 3',
    ]);
  });

  it('accepts the configured levels of five tiers and names them when refusing another', () => {
    const five = [0, 1, 2, 3, 4];
    expect(
      read('    reliability-suite.io/tier: tier-4\n', five).settings.tierLevel,
    ).toBe(4);
    expect(read('    reliability-suite.io/tier: "5"\n', five)).toEqual({
      settings: { sloFilePatterns: [] },
      problems: [
        'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/tier: "5" is not a tier: use 0, 1, 2, 3 or 4',
      ],
    });
    expect(
      read('    reliability-suite.io/tier: gold\n', [0, 10]).problems,
    ).toEqual([
      'catalog-info.yaml:6 metadata.annotations.reliability-suite.io/tier: "gold" is not a tier: use 0 or 10',
    ]);
    expect(
      read('    reliability-suite.io/tier: Tier 10\n', [0, 10]).settings
        .tierLevel,
    ).toBe(10);
  });
});
