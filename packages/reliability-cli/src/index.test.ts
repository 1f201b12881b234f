import path from 'node:path';
import { main } from './index';

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
  it('validates a complete service (the component and the API it provides)', async () => {
    const result = await run('validate', path.join(examples, 'checkout/catalog-info.yaml'));
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
    expect(result.err).toContain('reliability validate <catalog-info.yaml>...');
  });
});
