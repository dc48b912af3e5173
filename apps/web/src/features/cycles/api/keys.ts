/** Query keys of the cycles feature; every cycle mutation invalidates cycleKeys.all. */
export const cycleKeys = {
  all: ['cycles'] as const,
  list: () => [...cycleKeys.all, 'list'] as const,
  detail: (id: string) => [...cycleKeys.all, 'detail', id] as const,
};
