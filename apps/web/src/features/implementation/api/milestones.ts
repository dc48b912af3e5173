import type { MilestoneCreate, MilestoneUpdate } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { implementationKeys } from './keys';

export function createMilestone({ projectId, milestone }: { projectId: string; milestone: MilestoneCreate }): Promise<void> {
  return apiRequest(`/api/projects/${encodeURIComponent(projectId)}/milestones`, { method: 'POST', body: milestone });
}

export function updateMilestone({ milestoneId, changes }: { milestoneId: string; changes: MilestoneUpdate }): Promise<void> {
  return apiRequest(`/api/milestones/${encodeURIComponent(milestoneId)}`, { method: 'PATCH', body: changes });
}

export function deleteMilestone(milestoneId: string): Promise<void> {
  return apiRequest(`/api/milestones/${encodeURIComponent(milestoneId)}`, { method: 'DELETE' });
}

function useInvalidatingMutation<Input>(mutationFn: (input: Input) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: implementationKeys.all }),
  });
}

export const useCreateMilestone = () => useInvalidatingMutation(createMilestone);
export const useUpdateMilestone = () => useInvalidatingMutation(updateMilestone);
export const useDeleteMilestone = () => useInvalidatingMutation(deleteMilestone);
