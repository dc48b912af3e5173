/** Query keys of the voting feature; casting a ballot invalidates votingKeys.ballot(cycleId). */
export const votingKeys = {
  all: ['voting'] as const,
  ballot: (cycleId: string) => [...votingKeys.all, 'ballot', cycleId] as const,
};
