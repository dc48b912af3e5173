import { CommentList, type Comment } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { deliberationKeys } from './keys';

export async function listComments(proposalId: string, signal?: AbortSignal): Promise<Comment[]> {
  const { comments } = await apiRequest(`/api/proposals/${encodeURIComponent(proposalId)}/comments`, { schema: CommentList, signal });
  return comments;
}

/** Comments as `viewer` sees them (hidden texts and flags depend on who asks); waits while viewer is undefined. */
export function useComments(proposalId: string, viewer: string | undefined) {
  return useQuery({
    queryKey: deliberationKeys.comments(proposalId, viewer ?? ''),
    queryFn: ({ signal }) => listComments(proposalId, signal),
    enabled: viewer !== undefined,
  });
}
