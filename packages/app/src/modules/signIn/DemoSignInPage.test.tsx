import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { IdentityApi } from '@backstage/frontend-plugin-api';
import { DemoSignInPage } from './DemoSignInPage';

/** A token as the auth backend issues it (only `exp` is read), valid for an hour. */
const token = [
  'header',
  btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 })),
  'signature',
].join('.');

describe('DemoSignInPage', () => {
  const fetchMock = jest.fn();
  const originalFetch = global.fetch;

  beforeEach(() => {
    localStorage.clear();
    fetchMock.mockReset();
    fetchMock.mockResolvedValue({
      ok: true,
      json: async () => ({
        profile: {},
        backstageIdentity: {
          token,
          identity: {
            type: 'user',
            userEntityRef: 'user:default/olga.petrov',
            ownershipEntityRefs: [
              'user:default/olga.petrov',
              'group:default/sre',
            ],
          },
        },
      }),
    });
    global.fetch = fetchMock;
  });

  afterAll(() => {
    global.fetch = originalFetch;
  });

  const renderPage = (onSignInSuccess: (identity: IdentityApi) => void) =>
    renderInTestApp(<DemoSignInPage onSignInSuccess={onSignInSuccess} />, {
      config: { app: { title: 'Reliability Suite demo portal' } },
      apis: [mockApis.discovery({ baseUrl: 'http://localhost:7007' })],
    });

  it('offers the guest and the SRE reviewer', async () => {
    await renderPage(jest.fn());
    expect(
      screen.getByText(
        'Owner of the payments services (attests items, opens launch reviews) and SRE lead (waives items).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Olga Petrov of the SRE group: approves or blocks launch reviews that someone else prepared (four-eyes rule).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('button').map(button => button.textContent),
    ).toEqual(['Enter as guest', 'Enter as SRE reviewer']);
  });

  it('signs in through the reviewer provider, remembers it, and forgets it on sign-out', async () => {
    const onSignInSuccess = jest.fn();
    await renderPage(onSignInSuccess);
    fireEvent.click(
      screen.getByRole('button', { name: 'Enter as SRE reviewer' }),
    );
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(fetchMock.mock.calls[0][0]).toBe(
      'http://localhost:7007/api/auth/reviewer/refresh',
    );
    const identity: IdentityApi = onSignInSuccess.mock.calls[0][0];
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      'user:default/olga.petrov',
    );
    expect(await identity.getCredentials()).toEqual({ token });
    expect(localStorage.getItem('reliability-demo:sign-in-provider')).toBe(
      'reviewer',
    );

    await identity.signOut();
    expect(localStorage.getItem('reliability-demo:sign-in-provider')).toBe(
      null,
    );
  });

  it('signs in again as the remembered person without asking', async () => {
    localStorage.setItem('reliability-demo:sign-in-provider', 'guest');
    const onSignInSuccess = jest.fn();
    await renderPage(onSignInSuccess);
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(fetchMock.mock.calls[0][0]).toBe(
      'http://localhost:7007/api/auth/guest/refresh',
    );
    expect(screen.queryByRole('button', { name: 'Enter as guest' })).toBeNull();
  });
});
