/** Query keys of the receipts feature (the board never changes once voting has closed). */
export const receiptKeys = {
  all: ['receipts'] as const,
  board: (cycleId: string, after: string | undefined) => [...receiptKeys.all, 'board', cycleId, after ?? ''] as const,
  check: (cycleId: string, code: string) => [...receiptKeys.all, 'check', cycleId, code] as const,
};
