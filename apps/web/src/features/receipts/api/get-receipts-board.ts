import { ReceiptsBoard } from '@allot/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { receiptKeys } from './keys';

/** How many receipts one page of the board shows. */
export const BOARD_PAGE_SIZE = 100;

export function getReceiptsBoard(cycleId: string, after: string | undefined, signal?: AbortSignal): Promise<ReceiptsBoard> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/receipts`, {
    schema: ReceiptsBoard,
    query: { after, limit: String(BOARD_PAGE_SIZE) },
    signal,
  });
}

export function useReceiptsBoard(cycleId: string, after: string | undefined) {
  return useQuery({
    queryKey: receiptKeys.board(cycleId, after),
    queryFn: ({ signal }) => getReceiptsBoard(cycleId, after, signal),
    enabled: cycleId !== '',
    placeholderData: keepPreviousData,
    // A 409 (voting has not closed) will not change by asking again at once.
    retry: false,
  });
}
