import { ReceiptCheck } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { receiptKeys } from './keys';

export function checkReceipt(cycleId: string, code: string, signal?: AbortSignal): Promise<ReceiptCheck> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/receipts/${encodeURIComponent(code)}`, { schema: ReceiptCheck, signal });
}

/** Whether a receipt is on the board; a 404 means no counted ballot has it. */
export function useReceiptCheck(cycleId: string, code: string) {
  return useQuery({
    queryKey: receiptKeys.check(cycleId, code),
    queryFn: ({ signal }) => checkReceipt(cycleId, code, signal),
    enabled: cycleId !== '' && code !== '',
    retry: false,
  });
}
