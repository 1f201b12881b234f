import { runCli } from './testing/cliRun';
import { USAGE } from './usage';

describe('the command line', () => {
  it('prints its help, with the exit codes, on standard output', async () => {
    for (const help of ['--help', '-h'])
      expect(await runCli([help])).toEqual({ code: 0, out: USAGE, err: '' });
    expect(USAGE).toContain(`Exit codes:
  0  every definition is valid (with --strict: and every SLO has rules)
  1  a definition has a problem, or with --strict an SLO is left out of the rules
  2  usage error: unknown command or option, a bad option value, a file that cannot be read
`);
  });

  it.each([
    [['frobnicate', 'x.yaml'], 'unknown command "frobnicate"'],
    [[], 'no command given'],
    [['validate'], 'no file given'],
    [
      ['validate', '--frobnicate', 'x.yaml'],
      "Unknown option '--frobnicate'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--frobnicate\"",
    ],
    [
      ['validate', '--scrape-interval=soon', 'x.yaml'],
      '--scrape-interval: "soon" is not a duration such as 15s or 1m',
    ],
    [
      ['validate', '--tiers=0,1,gold', 'x.yaml'],
      '--tiers: "0,1,gold" is not a list of tier levels such as 0,1,2,3',
    ],
    [
      ['validate', '--out-dir=rules', 'x.yaml'],
      '--out-dir: applies to rules only',
    ],
    [['rules', '--out-dir=', 'x.yaml'], '--out-dir: needs a directory'],
    [
      ['rules', '--entity=component:default/../../etc', 'x.yaml'],
      '--entity: "component:default/../../etc" is not an entity ref such as component:default/checkout',
    ],
    [
      ['rules', '--entity', 'Bad Name!', 'x.yaml'],
      '--entity: "Bad Name!" is not an entity ref such as component:default/checkout',
    ],
  ])('%j is a usage error (exit 2) that says why', async (args, reason) => {
    expect(await runCli(args)).toEqual({
      code: 2,
      out: '',
      err: `reliability: ${reason}\n\n${USAGE}`,
    });
  });
});
