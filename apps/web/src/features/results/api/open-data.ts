/** Where a published pot's open data can be downloaded (plain links: the browser saves the file). */
export function openDataLinks(cycleId: string, potId: string): { pabulib: string; csv: string } {
  const cycle = encodeURIComponent(cycleId);
  const pot = encodeURIComponent(potId);
  return {
    pabulib: `/api/cycles/${cycle}/export.pb?pot=${pot}`,
    csv: `/api/cycles/${cycle}/results.csv?pot=${pot}`,
  };
}

/** Every pot's published results in one CSV file. */
export function allResultsCsv(cycleId: string): string {
  return `/api/cycles/${encodeURIComponent(cycleId)}/results.csv`;
}
