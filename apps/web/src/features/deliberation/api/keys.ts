/** Query keys of the deliberation feature; comment mutations invalidate deliberationKeys.comments(proposalId). */
export const deliberationKeys = {
  all: ['deliberation'] as const,
  comments: (proposalId: string) => [...deliberationKeys.all, 'comments', proposalId] as const,
};
