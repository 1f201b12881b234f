import { formatFieldPath, formatProblem } from './problems';

describe('formatProblem', () => {
  it.each([
    [
      {
        file: 'slo/a.yaml',
        line: 14,
        field: 'spec.objectives[0].target',
        message: 'must be < 1',
      },
      'slo/a.yaml:14 spec.objectives[0].target: must be < 1',
    ],
    [
      {
        file: 'slo/a.yaml',
        line: 3,
        field: '',
        message: 'invalid YAML: bad indentation',
      },
      'slo/a.yaml:3: invalid YAML: bad indentation',
    ],
    [
      {
        file: 'catalog-info.yaml',
        field: 'metadata.annotations.x',
        message: 'cannot read',
      },
      'catalog-info.yaml metadata.annotations.x: cannot read',
    ],
    [
      {
        file: '',
        field: 'metadata.annotations.reliability-suite.io/tier',
        message: 'tier "7" is not configured',
      },
      'metadata.annotations.reliability-suite.io/tier: tier "7" is not configured',
    ],
  ])('formats %j', (problem, expected) => {
    expect(formatProblem(problem)).toBe(expected);
  });

  it('formats field paths', () => {
    expect(formatFieldPath(['spec', 'objectives', 0, 'target'])).toBe(
      'spec.objectives[0].target',
    );
    expect(formatFieldPath([])).toBe('');
  });
});
