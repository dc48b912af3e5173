/** Query keys of the wards feature; mutations invalidate wardKeys.all. */
export const wardKeys = {
  all: ['wards'] as const,
  list: () => [...wardKeys.all, 'list'] as const,
};
