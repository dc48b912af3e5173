import { apiFile } from '../../../lib/api-client';

/** The address of a ward's figures as CSV (it needs the signed-in session, so it is fetched, not opened). */
export function statsCsvPath(cycleId: string, wardId: string): string {
  return `/api/cycles/${encodeURIComponent(cycleId)}/stats.csv?ward=${encodeURIComponent(wardId)}`;
}

/** Fetches the CSV with the session (see apiFile), with the file name the server suggests. */
export async function downloadStatsCsv(cycleId: string, wardId: string): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await apiFile(statsCsvPath(cycleId, wardId), 'text/csv');
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
