import { Comment, type CommentCreate } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { deliberationKeys } from './keys';

export function addComment({ proposalId, comment }: { proposalId: string; comment: CommentCreate }): Promise<Comment> {
  return apiRequest(`/api/proposals/${encodeURIComponent(proposalId)}/comments`, { method: 'POST', body: comment, schema: Comment });
}

export function useAddComment(proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: CommentCreate) => addComment({ proposalId, comment }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliberationKeys.comments(proposalId) }),
  });
}
