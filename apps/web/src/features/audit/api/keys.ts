import type { AuditFilters } from './audit-log';

/** Query keys of the audit feature (admin only, read only). */
export const auditKeys = {
  all: ['audit'] as const,
  page: (filters: AuditFilters, before: string | undefined) => [...auditKeys.all, 'page', filters, before ?? null] as const,
};
