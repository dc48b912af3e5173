import { Notification } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys } from './keys';

export function markNotificationRead(id: string): Promise<Notification> {
  return apiRequest(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', schema: Notification });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
