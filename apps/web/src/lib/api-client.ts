import { ErrorEnvelope, Session } from '@allot/shared';
import type { z } from 'zod';

/**
 * The one API client of the SPA. It keeps the short-lived access token in memory only (never in
 * storage, so a script injected into the page cannot read it back later); the long-lived refresh
 * token lives in an httpOnly cookie the browser sends to /api/auth on its own.
 */

/** An API failure, carrying the server's error envelope so forms can show field problems. */
export class ApiError extends Error {
  readonly status: number;
  readonly envelope: ErrorEnvelope;

  constructor(envelope: ErrorEnvelope) {
    super(envelope.message);
    this.name = 'ApiError';
    this.status = envelope.statusCode;
    this.envelope = envelope;
  }
}

let accessToken: string | null = null;
type SessionListener = (session: Session | null) => void;
const listeners = new Set<SessionListener>();

export function getAccessToken(): string | null {
  return accessToken;
}

/** Store (or forget) the session's access token and tell listeners who is signed in now. */
export function setSession(session: Session | null): void {
  accessToken = session?.accessToken ?? null;
  for (const listener of listeners) listener(session);
}

/** Called whenever the session changes, including a silent refresh. Returns an unsubscribe. */
export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function readEnvelope(response: Response): Promise<ErrorEnvelope> {
  const text = await response.text();
  try {
    const parsed = ErrorEnvelope.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON (a proxy error page, for example): fall through to a generic envelope.
  }
  return {
    statusCode: response.status,
    error: response.statusText || 'Error',
    message:
      response.status >= 500
        ? 'Something went wrong on our side. Please try again in a few minutes.'
        : 'The request could not be completed.',
    requestId: response.headers.get('x-request-id') ?? 'unknown',
  };
}

function networkError(): ApiError {
  return new ApiError({
    statusCode: 0,
    error: 'Network Error',
    message: 'We could not reach Allot. Check your internet connection and try again.',
    requestId: 'none',
  });
}

let refreshInFlight: Promise<Session | null> | null = null;

/**
 * Ask for a new access token with the refresh cookie. Concurrent callers share one request, because
 * the server rotates the refresh token and a second parallel refresh would present a spent one.
 * Resolves to null when there is no valid session (the server answers 401).
 */
export function refreshSession(): Promise<Session | null> {
  refreshInFlight ??= (async () => {
    try {
      let response: Response;
      try {
        response = await fetch('/api/auth/refresh', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
        });
      } catch {
        throw networkError();
      }
      if (response.status === 401) {
        setSession(null);
        return null;
      }
      if (!response.ok) throw new ApiError(await readEnvelope(response));
      const session = Session.parse(await response.json());
      setSession(session);
      return session;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  /** Validates the successful answer; omit for answers without a body we use. */
  schema?: z.ZodType<T>;
  /** Query string parameters; undefined and empty values are left out. */
  query?: Record<string, string | undefined>;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions<unknown>): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
}

/** Paths where a 401 means "wrong credentials", not "access token expired". */
const NO_RETRY_PATHS = ['/api/auth/login', '/api/auth/register', '/api/auth/refresh', '/api/auth/logout'];

/** Send, refreshing the session once on a 401 and retrying; a failure is thrown as an ApiError with the envelope. */
async function sendWithRefresh(path: string, options: RequestOptions<unknown>): Promise<Response> {
  let response = await send(path, options);
  if (response.status === 401 && !NO_RETRY_PATHS.includes(path)) {
    const session = await refreshSession();
    if (session) response = await send(path, options);
  }
  if (!response.ok) throw new ApiError(await readEnvelope(response));
  return response;
}

/**
 * Call the API. On a 401 it refreshes the session once and retries; any failure is thrown as an
 * ApiError with the server's envelope.
 */
export async function apiRequest<T = undefined>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const response = await sendWithRefresh(path, options);
  if (!options.schema) return undefined as T;
  return options.schema.parse(await response.json());
}

/**
 * Fetch a file the API makes (a CSV, for example) with the session, as apiRequest does. A plain
 * link would arrive signed out: the access token lives in memory, not in a cookie.
 */
export function apiFile(path: string, accept: string): Promise<Response> {
  return sendWithRefresh(path, { headers: { accept } });
}
