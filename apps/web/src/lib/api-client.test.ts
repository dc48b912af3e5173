import type { Session } from '@allot/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFile, apiRequest, getAccessToken, refreshSession, setSession } from './api-client';

const user = {
  id: '00000000-0000-4000-8000-000000000002',
  email: 'resident@example.test',
  displayName: 'Resident',
  homeWardId: null,
  birthYear: 1990,
  roles: ['resident'],
  councillorWardIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
} satisfies Session['user'];

function session(accessToken: string): Session {
  return { accessToken, expiresIn: 900, user };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function envelope(statusCode: number, message: string) {
  return { statusCode, error: 'Error', message, requestId: 'req' };
}

describe('the API client', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setSession(session('old-token'));
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    setSession(null);
  });

  function authorizationOf(call: number): string | undefined {
    const init = fetchMock.mock.calls[call]?.[1];
    return (init?.headers as Record<string, string> | undefined)?.authorization;
  }

  it('sends the access token and, when it has expired, refreshes once and retries with the new one', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, envelope(401, 'Token expired')))
      .mockResolvedValueOnce(json(200, session('new-token')))
      .mockResolvedValueOnce(json(200, { ok: true }));

    await apiRequest('/api/me');

    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/me', '/api/auth/refresh', '/api/me']);
    expect(authorizationOf(0)).toBe('Bearer old-token');
    expect(authorizationOf(2)).toBe('Bearer new-token');
    expect(getAccessToken()).toBe('new-token');
  });

  it('gives up after one failed refresh, forgets the token and throws the server envelope', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, envelope(401, 'Token expired')))
      .mockResolvedValueOnce(json(401, envelope(401, 'No session')));

    const error = await apiRequest('/api/me').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).envelope).toEqual(envelope(401, 'Token expired'));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(getAccessToken()).toBeNull();
  });

  it('does not try to refresh when signing in fails', async () => {
    fetchMock.mockResolvedValueOnce(json(401, envelope(401, 'The email address or password is wrong')));
    await expect(apiRequest('/api/auth/login', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 401,
      message: 'The email address or password is wrong',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shares one refresh between requests that need it at the same time', async () => {
    let answer: (response: Response) => void = () => undefined;
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const first = refreshSession();
    const second = refreshSession();
    answer(json(200, session('shared-token')));
    expect(await first).toEqual(await second);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('turns an answer that is not an error envelope into one', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(apiRequest('/api/wards')).rejects.toMatchObject({
      status: 502,
      envelope: { statusCode: 502, error: 'Bad Gateway' },
    });
  });

  it('reports a network failure in plain words', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    await expect(apiRequest('/api/wards')).rejects.toMatchObject({
      status: 0,
      message: expect.stringContaining('could not reach Allot'),
    });
  });

  it('fetches a file with the session, asking for its type, and refreshes once like any other request', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, envelope(401, 'Token expired')))
      .mockResolvedValueOnce(json(200, session('new-token')))
      .mockResolvedValueOnce(new Response('ward,ballots\nOH,12\n', { status: 200, headers: { 'content-type': 'text/csv' } }));

    const response = await apiFile('/api/cycles/c/stats.csv?ward=w', 'text/csv');

    expect(await response.text()).toBe('ward,ballots\nOH,12\n');
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/cycles/c/stats.csv?ward=w', '/api/auth/refresh', '/api/cycles/c/stats.csv?ward=w']);
    expect((fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>).accept).toBe('text/csv');
    expect(authorizationOf(2)).toBe('Bearer new-token');
  });

  it('throws the server envelope when a file is refused', async () => {
    fetchMock.mockResolvedValueOnce(json(403, envelope(403, 'You can only see the figures of your own wards.')));
    await expect(apiFile('/api/cycles/c/stats.csv?ward=w', 'text/csv')).rejects.toMatchObject({
      status: 403,
      message: 'You can only see the figures of your own wards.',
    });
  });
});
