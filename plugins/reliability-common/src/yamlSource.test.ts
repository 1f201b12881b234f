import { formatProblem } from './problems';
import { YAML_LIMITS, parseYamlFile } from './yamlSource';

const problemsOf = (text: string) =>
  parseYamlFile('slo/a.yaml', text).problems.map(formatProblem);

describe('parseYamlFile limits (untrusted files)', () => {
  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const parsed = parseYamlFile('slo/a.yaml', bomb);
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems).toEqual([
      {
        file: 'slo/a.yaml',
        line: 1,
        field: '',
        message:
          'invalid YAML: aliases expand to more than 100 copies (an alias bomb)',
        unreadable: true,
      },
    ]);
  });

  it('accepts ordinary anchors and aliases', () => {
    const parsed = parseYamlFile(
      'slo/a.yaml',
      'defaults: &d { target: 0.99 }\nslo: *d\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents[0].value).toEqual({
      defaults: { target: 0.99 },
      slo: { target: 0.99 },
    });
  });

  it.each([
    [65, ['slo/a.yaml:1: invalid YAML: nested deeper than 64 levels']],
    [5000, ['slo/a.yaml:1: invalid YAML: nested deeper than 64 levels']],
  ])('refuses lists nested %i deep', (depth, expected) => {
    expect(problemsOf('['.repeat(depth) + ']'.repeat(depth))).toEqual(expected);
  });

  it('refuses mappings nested too deep, on the line where the limit is passed', () => {
    const text = Array.from(
      { length: 70 },
      (_, i) => `${' '.repeat(i)}k${i}:`,
    ).join('\n');
    expect(problemsOf(`${text} 1`)).toEqual([
      'slo/a.yaml:65: invalid YAML: nested deeper than 64 levels',
    ]);
  });

  it('refuses a file over the size limit without parsing it', () => {
    expect(problemsOf(`x: "${'a'.repeat(YAML_LIMITS.maxChars)}"`)).toEqual([
      'slo/a.yaml: is larger than 1 MiB',
    ]);
  });

  it('reports duplicate keys and tabs with their lines', () => {
    expect(problemsOf('a: 1\nb: 2\na: 3\n')).toEqual([
      'slo/a.yaml:3: invalid YAML: Map keys must be unique',
    ]);
    expect(problemsOf('a:\n\t- 1\n')).toEqual([
      'slo/a.yaml:2: invalid YAML: Tabs are not allowed as indentation',
    ]);
  });
});
