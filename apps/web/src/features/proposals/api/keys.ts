import type { ProposalListQuery } from '@allot/shared';

/** Query keys of the proposals feature; proposal mutations invalidate proposalKeys.all. */
export const proposalKeys = {
  all: ['proposals'] as const,
  list: (cycleId: string, query: Partial<ProposalListQuery>) => [...proposalKeys.all, 'list', cycleId, query] as const,
  detail: (id: string, viewer: string) => [...proposalKeys.all, 'detail', id, viewer] as const,
};
