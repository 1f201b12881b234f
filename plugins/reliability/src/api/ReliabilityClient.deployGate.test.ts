import { ResponseError } from '@backstage/errors';
import { ReliabilityClient } from './ReliabilityClient';

const checkout = { kind: 'Component', namespace: 'default', name: 'checkout' };

function client(response: Response) {
  const fetch = jest.fn().mockResolvedValue(response);
  const api = new ReliabilityClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://localhost:7007/api/${pluginId}`,
    },
    fetchApi: { fetch },
  });
  return { api, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

const decision = { entityRef: 'component:default/checkout', allowed: true };
const override = {
  id: 3,
  reason: 'Hotfix for INC-42',
  createdBy: 'user:default/ann',
  createdAt: 1000,
  expiresAt: 2000,
  active: true,
};

describe('ReliabilityClient deploy-gate calls', () => {
  it('asks the gate about the entity by its reference, as CI does', async () => {
    const { api, fetch } = client(json(decision));
    await expect(api.getDeployGate(checkout)).resolves.toEqual(decision);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/reliability/deploy-gate?entityRef=component%3Adefault%2Fcheckout',
      undefined,
    );
  });

  it('reads the override history', async () => {
    const { api, fetch } = client(json({ overrides: [override] }));
    await expect(api.getDeployGateOverrides(checkout)).resolves.toEqual([
      override,
    ]);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/reliability/deploy-gate/overrides?entityRef=component%3Adefault%2Fcheckout',
      undefined,
    );
  });

  it('posts an override with the entity reference, and reports a refusal with the backend message', async () => {
    const { api, fetch } = client(
      json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'Not allowed: reliability.deploygate.override',
          },
          request: { method: 'POST', url: '/api/reliability/deploy-gate' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    const failure = await api
      .overrideDeployGate(checkout, {
        reason: 'Hotfix for INC-42',
        durationMinutes: 60,
      })
      .catch(e => e);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/reliability/deploy-gate/overrides',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          entityRef: 'component:default/checkout',
          reason: 'Hotfix for INC-42',
          durationMinutes: 60,
        }),
      },
    );
    expect(ResponseError.is(failure)).toBe(true);
    expect(failure.cause.message).toBe(
      'Not allowed: reliability.deploygate.override',
    );
  });
});
