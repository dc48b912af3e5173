import { CycleList, type CycleSummary } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { cycleKeys } from './keys';

/** Cycles newest first; the server leaves drafts out for everyone but admins. */
export async function listCycles(signal?: AbortSignal): Promise<CycleSummary[]> {
  const { cycles } = await apiRequest('/api/cycles', { schema: CycleList, signal });
  return cycles;
}

/** `asAdmin` for admin pages (rendered once the admin is known): drafts included, never a signed-out copy. */
export function useCycles({ asAdmin = false }: { asAdmin?: boolean } = {}) {
  return useQuery({ queryKey: asAdmin ? cycleKeys.adminList() : cycleKeys.list(), queryFn: ({ signal }) => listCycles(signal) });
}
