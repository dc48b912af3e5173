import { WardVerification } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { paperBallotKeys } from './keys';

export function verifyWard({ userId, wardId }: { userId: string; wardId: string }): Promise<WardVerification> {
  return apiRequest(`/api/users/${encodeURIComponent(userId)}/ward-verification`, {
    method: 'POST',
    body: { wardId },
    schema: WardVerification,
  });
}

export function useVerifyWard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyWard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: paperBallotKeys.all }),
  });
}
