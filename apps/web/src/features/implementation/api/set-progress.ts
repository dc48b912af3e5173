import type { ProgressInput } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { implementationKeys } from './keys';

export function setProgress({ projectId, input }: { projectId: string; input: ProgressInput }): Promise<void> {
  return apiRequest(`/api/projects/${encodeURIComponent(projectId)}/progress`, { method: 'PUT', body: input });
}

export function useSetProgress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setProgress,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: implementationKeys.all }),
  });
}
