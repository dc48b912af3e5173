import type { ProjectUpdateCreate } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { implementationKeys } from './keys';

export function postUpdate({ projectId, update }: { projectId: string; update: ProjectUpdateCreate }): Promise<void> {
  return apiRequest(`/api/projects/${encodeURIComponent(projectId)}/updates`, { method: 'POST', body: update });
}

export function usePostUpdate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postUpdate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: implementationKeys.all }),
  });
}
