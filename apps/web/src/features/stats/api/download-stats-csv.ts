import { ErrorEnvelope } from '@allot/shared';
import { ApiError, getAccessToken, refreshSession } from '../../../lib/api-client';

/** The address of a ward's figures as CSV (it needs the signed-in session, so it is fetched, not opened). */
export function statsCsvPath(cycleId: string, wardId: string): string {
  return `/api/cycles/${encodeURIComponent(cycleId)}/stats.csv?ward=${encodeURIComponent(wardId)}`;
}

async function fetchCsv(path: string): Promise<Response> {
  const token = getAccessToken();
  try {
    return await fetch(path, {
      headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({
      statusCode: 0,
      error: 'Network Error',
      message: 'We could not reach Allot. Check your internet connection and try again.',
      requestId: 'none',
    });
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const parsed = ErrorEnvelope.safeParse(await response.json());
    if (parsed.success) return new ApiError(parsed.data);
  } catch {
    // Not JSON: fall through to a plain message.
  }
  return new ApiError({
    statusCode: response.status,
    error: response.statusText || 'Error',
    message: 'The figures could not be downloaded. Please try again.',
    requestId: response.headers.get('x-request-id') ?? 'unknown',
  });
}

/**
 * Fetches the CSV with the session's access token (the API client keeps it in memory, so a plain
 * link would arrive signed out), refreshing once on a 401 as the API client does.
 */
export async function downloadStatsCsv(cycleId: string, wardId: string): Promise<{ blob: Blob; fileName: string | null }> {
  const path = statsCsvPath(cycleId, wardId);
  let response = await fetchCsv(path);
  if (response.status === 401 && (await refreshSession())) response = await fetchCsv(path);
  if (!response.ok) throw await errorFrom(response);
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get('content-disposition')) };
}

/** The file name the server suggests (`attachment; filename="…"`), if it is a plain, safe one. */
export function fileNameFrom(contentDisposition: string | null): string | null {
  const match = /filename="([^"]+)"/i.exec(contentDisposition ?? '') ?? /filename=([^;\s]+)/i.exec(contentDisposition ?? '');
  const name = match?.[1];
  return name !== undefined && /^[\w.-]+$/.test(name) ? name : null;
}

/** Hands a downloaded file to the browser to save under `fileName`. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
