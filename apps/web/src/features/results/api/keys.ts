/** Query keys of the results feature; counting and publishing replace resultsKeys.cycle(cycleId). */
export const resultsKeys = {
  all: ['results'] as const,
  cycle: (cycleId: string) => [...resultsKeys.all, 'cycle', cycleId] as const,
};
