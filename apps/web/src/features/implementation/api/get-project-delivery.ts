import { ProjectDelivery } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { implementationKeys } from './keys';

export function getProjectDelivery(projectId: string, signal?: AbortSignal): Promise<ProjectDelivery> {
  return apiRequest(`/api/projects/${encodeURIComponent(projectId)}/implementation`, { schema: ProjectDelivery, signal });
}

/**
 * How a funded project is being delivered. Public. A proposal that was not funded answers 404, so
 * `enabled` lets a page ask only when a project could have been funded.
 */
export function useProjectDelivery(projectId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: implementationKeys.project(projectId),
    queryFn: ({ signal }) => getProjectDelivery(projectId, signal),
    enabled: enabled && projectId !== '',
  });
}
