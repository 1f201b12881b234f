import { ResponseError } from '@backstage/errors';
import { ReliabilityClient } from './ReliabilityClient';

const checkout = { kind: 'Component', namespace: 'default', name: 'checkout' };
const readiness = { entityRef: 'component:default/checkout', events: [] };

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

describe('ReliabilityClient readiness calls', () => {
  it('reads the readiness of an entity', async () => {
    const { api, fetch } = client(json(readiness));
    await expect(api.getReadiness(checkout)).resolves.toEqual(readiness);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/reliability/readiness/Component/default/checkout',
      undefined,
    );
  });

  it('posts an attestation as JSON', async () => {
    const { api, fetch } = client(json(readiness, 201));
    const request = {
      itemId: 'capacity',
      evidence: ['https://ci.example.com/load/42'],
      expiresAt: '2027-02-21',
    };
    await expect(api.attest(checkout, request)).resolves.toEqual(readiness);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/reliability/readiness/Component/default/checkout/attestations',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  });

  it('posts review actions to the review and reports refusals with the backend message', async () => {
    const { api, fetch } = client(
      json(
        {
          error: {
            name: 'ConflictError',
            message:
              'cannot approve: required items are failing: dashboards, rollback',
          },
          request: {
            method: 'POST',
            url: '/api/reliability/reviews/7/actions',
          },
          response: { statusCode: 409 },
        },
        409,
      ),
    );
    const failure = await api
      .actOnReview(7, { action: 'approve' })
      .catch(e => e);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://localhost:7007/api/reliability/reviews/7/actions',
    );
    expect(fetch.mock.calls[0][1].body).toBe('{"action":"approve"}');
    expect(ResponseError.is(failure)).toBe(true);
    expect(failure.statusCode).toBe(409);
    expect(failure.cause.message).toBe(
      'cannot approve: required items are failing: dashboards, rollback',
    );
  });
});
