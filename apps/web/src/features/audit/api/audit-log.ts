import { AuditPage } from '@allot/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { auditKeys } from './keys';

export const AUDIT_PAGE_SIZE = 50;

/** Filters as the admin entered them; dates are calendar days (UTC). */
export interface AuditFilters {
  action?: string;
  targetType?: string;
  targetId?: string;
  actorId?: string;
  fromDate?: string;
  toDate?: string;
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

export function getAuditPage(filters: AuditFilters, before: string | undefined, signal?: AbortSignal): Promise<AuditPage> {
  return apiRequest('/api/audit', {
    query: {
      action: filters.action,
      targetType: filters.targetType,
      targetId: filters.targetId,
      actorId: filters.actorId,
      from: filters.fromDate ? `${filters.fromDate}T00:00:00.000Z` : undefined,
      // "To 3 May" includes the whole of 3 May: the API's `to` is exclusive.
      to: filters.toDate ? nextDay(filters.toDate) : undefined,
      before,
      limit: String(AUDIT_PAGE_SIZE),
    },
    schema: AuditPage,
    signal,
  });
}

export function useAuditPage(filters: AuditFilters, before: string | undefined) {
  return useQuery({
    queryKey: auditKeys.page(filters, before),
    queryFn: ({ signal }) => getAuditPage(filters, before, signal),
    placeholderData: keepPreviousData,
  });
}
