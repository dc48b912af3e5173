import { ProposalList, type ProposalListQuery } from '@allot/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { proposalKeys } from './keys';

/** Proposals per page of results. */
export const PROPOSALS_PAGE_SIZE = 20;

export type ProposalFilters = Pick<Partial<ProposalListQuery>, 'potId' | 'category' | 'status' | 'q' | 'sort'>;

export function listProposals(cycleId: string, filters: ProposalFilters, offset: number, signal?: AbortSignal): Promise<ProposalList> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/proposals`, {
    query: {
      potId: filters.potId,
      category: filters.category,
      status: filters.status,
      q: filters.q?.trim(),
      sort: filters.sort,
      limit: String(PROPOSALS_PAGE_SIZE),
      offset: offset > 0 ? String(offset) : undefined,
    },
    schema: ProposalList,
    signal,
  });
}

export function useProposals(cycleId: string, filters: ProposalFilters, offset: number) {
  return useQuery({
    queryKey: proposalKeys.list(cycleId, { ...filters, offset }),
    queryFn: ({ signal }) => listProposals(cycleId, filters, offset, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}
