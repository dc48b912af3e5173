import { CycleList, type CycleSummary } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { cycleKeys } from './keys';

/** Cycles newest first; the server leaves drafts out for everyone but admins. */
export async function listCycles(signal?: AbortSignal): Promise<CycleSummary[]> {
  const { cycles } = await apiRequest('/api/cycles', { schema: CycleList, signal });
  return cycles;
}

export function useCycles() {
  return useQuery({ queryKey: cycleKeys.list(), queryFn: ({ signal }) => listCycles(signal) });
}
