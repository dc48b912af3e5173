import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { deliberationKeys } from './keys';

export function flagComment(commentId: string): Promise<undefined> {
  return apiRequest(`/api/comments/${encodeURIComponent(commentId)}/flag`, { method: 'POST' });
}

export function useFlagComment(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: flagComment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliberationKeys.comments(proposalId) }),
  });
}
