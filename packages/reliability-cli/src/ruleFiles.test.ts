import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ruleFileName, writeRuleFiles } from './ruleFiles';

describe('rule file names in --out-dir', () => {
  it.each([
    ['component:default/checkout', 'component.default.checkout.yaml'],
    ['api:payments/Checkout_API.v2', 'api.payments.checkout_api.v2.yaml'],
    [
      'component:default/../../etc/passwd',
      'component.default._._.._etc_passwd.yaml',
    ],
    ['component:default/.hidden', 'component.default._hidden.yaml'],
    ['component:default/a\\..\\b', 'component.default.a_.._b.yaml'],
    ['component:default/é{{x}}', 'component.default.___x__.yaml'],
  ])('%s is written to %s', (ref, name) => {
    expect(ruleFileName(ref)).toBe(name);
    expect(path.basename(name)).toBe(name);
  });

  it('writes refs that differ only in case (one entity to the catalog) to one file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-out-'));
    const group = (name: string) => ({ name, rules: [] });
    const written = await writeRuleFiles(
      path.join(dir, 'new/rules'),
      new Map([
        ['component:default/Web', [group('slo:component:default/Web:a')]],
        ['component:default/web', [group('slo:component:default/web:a')]],
      ]),
    );
    const file = path.join(dir, 'new/rules/component.default.web.yaml');
    expect(written).toEqual([
      { ref: 'component:default/Web', file },
      { ref: 'component:default/web', file },
    ]);
    expect(await fs.readFile(file, 'utf8')).toBe(
      'groups:\n  - name: slo:component:default/Web:a\n    rules: []\n  - name: slo:component:default/web:a\n    rules: []\n',
    );
    await fs.rm(dir, { recursive: true });
  });

  it('says why it cannot write, without a stack trace', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reliability-out-'));
    await fs.writeFile(path.join(dir, 'file'), '');
    await expect(
      writeRuleFiles(
        path.join(dir, 'file/rules'),
        new Map([['component:default/web', []]]),
      ),
    ).rejects.toThrow(`--out-dir: cannot write ${dir}/file/rules (ENOTDIR)`);
    await fs.rm(dir, { recursive: true });
  });
});
