import { CommentList, type Comment } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { deliberationKeys } from './keys';

export async function listComments(proposalId: string, signal?: AbortSignal): Promise<Comment[]> {
  const { comments } = await apiRequest(`/api/proposals/${encodeURIComponent(proposalId)}/comments`, { schema: CommentList, signal });
  return comments;
}

export function useComments(proposalId: string) {
  return useQuery({
    queryKey: deliberationKeys.comments(proposalId),
    queryFn: ({ signal }) => listComments(proposalId, signal),
    // Hidden texts and flags depend on who asks, and the cache outlives a change of account.
    staleTime: 0,
  });
}
