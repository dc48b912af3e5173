import { Session } from '@allot/shared';
import { baseUrl } from './browser';

/** Test set-up straight through the API: one JSON request, parsed, failing loudly on any error answer. */
export async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown }, parse: (json: unknown) => T): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} failed: ${response.status} ${await response.text()}`);
  return parse(await response.json());
}

/** An access token for test set-up done straight through the API. */
export async function apiToken(email: string, password: string): Promise<string> {
  return api('/api/auth/login', { method: 'POST', body: { email, password } }, (json) => Session.parse(json).accessToken);
}
