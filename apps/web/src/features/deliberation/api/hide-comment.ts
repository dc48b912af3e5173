import { Comment } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { deliberationKeys } from './keys';

export function hideComment({ commentId, reason }: { commentId: string; reason: string }): Promise<Comment> {
  return apiRequest(`/api/comments/${encodeURIComponent(commentId)}/hide`, { method: 'POST', body: { reason }, schema: Comment });
}

export function useHideComment(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: hideComment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliberationKeys.comments(proposalId) }),
  });
}
