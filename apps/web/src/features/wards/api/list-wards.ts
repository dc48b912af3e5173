import { WardList, type Ward } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { wardKeys } from './keys';

export async function listWards(): Promise<Ward[]> {
  const { wards } = await apiRequest('/api/wards', { schema: WardList });
  return wards;
}

export function useWards() {
  return useQuery({ queryKey: wardKeys.list(), queryFn: listWards, staleTime: 5 * 60_000 });
}
