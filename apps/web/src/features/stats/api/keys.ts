/** Query keys of the stats feature. Figures depend on who asks (a councillor sees only their wards). */
export const statsKeys = {
  all: ['stats'] as const,
  cycle: (cycleId: string, viewer: string) => [...statsKeys.all, 'cycle', cycleId, viewer] as const,
};
