/** Query keys of the deliberation feature; comment mutations invalidate deliberationKeys.comments(proposalId). */
export const deliberationKeys = {
  all: ['deliberation'] as const,
  /** Without a viewer: every viewer's copy of the proposal's comments (for invalidation). */
  comments: (proposalId: string, viewer?: string) =>
    viewer === undefined
      ? ([...deliberationKeys.all, 'comments', proposalId] as const)
      : ([...deliberationKeys.all, 'comments', proposalId, viewer] as const),
};
