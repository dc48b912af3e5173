/** Query keys of the cycles feature; every cycle mutation invalidates cycleKeys.all. */
export const cycleKeys = {
  all: ['cycles'] as const,
  list: () => [...cycleKeys.all, 'list'] as const,
  /** The list as an admin sees it (with drafts), kept apart from the public copy fetched before sign-in. */
  adminList: () => [...cycleKeys.all, 'list', 'admin'] as const,
  detail: (id: string) => [...cycleKeys.all, 'detail', id] as const,
};
