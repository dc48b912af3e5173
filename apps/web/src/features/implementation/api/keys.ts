/** Query keys of the implementation feature; every delivery change invalidates implementationKeys.all. */
export const implementationKeys = {
  all: ['implementation'] as const,
  project: (projectId: string) => [...implementationKeys.all, 'project', projectId] as const,
  cycle: (cycleId: string) => [...implementationKeys.all, 'cycle', cycleId] as const,
};
