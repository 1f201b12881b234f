import { useFolder } from './testing/cliRun';

const entity = (
  name: string,
  tier: string,
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    reliability-suite.io/tier: "${tier}"
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

describe('reliability validate and the tiers of the portal', () => {
  const { run } = useFolder({
    'catalog-info.yaml': [entity('lab', '4'), entity('sixth', 'tier-5')].join(
      '---\n',
    ),
  });

  it('checks tier annotations against the default tiers without --tiers', async () => {
    expect(await run('validate', 'catalog-info.yaml')).toEqual({
      code: 1,
      out: '',
      err:
        'component:default/lab: catalog-info.yaml:6 metadata.annotations.reliability-suite.io/tier: "4" is not a tier: use 0, 1, 2 or 3\n' +
        'component:default/sixth: catalog-info.yaml:17 metadata.annotations.reliability-suite.io/tier: "tier-5" is not a tier: use 0, 1, 2 or 3\n',
    });
  });

  it('checks them against the levels of five tiers given with --tiers', async () => {
    expect(
      await run('validate', '--tiers=0,1,2,3,4', 'catalog-info.yaml'),
    ).toEqual({
      code: 1,
      out: 'component:default/lab: 0 SLO(s) valid\n',
      err: 'component:default/sixth: catalog-info.yaml:17 metadata.annotations.reliability-suite.io/tier: "tier-5" is not a tier: use 0, 1, 2, 3 or 4\n',
    });
  });
});
