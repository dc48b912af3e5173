import { z } from 'zod';

/** One audit log entry as an admin reads it. `id` is a string (a bigint sequence on the server). */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().uuid().nullable(),
  /** The actor's email at read time (null for the CLI/system or a deleted account). */
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  action: z.string().trim().max(100).optional().describe('Exact action, e.g. cycle.phase.move'),
  actorId: z.string().uuid().optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Entries at or after this instant'),
  to: z.iso.datetime({ offset: true }).optional().describe('Entries before this instant'),
  before: z.string().regex(/^\d{1,18}$/).optional().describe('Keyset cursor: `nextBefore` of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** Newest first; pass `nextBefore` as `before` for the next page (null on the last page). */
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextBefore: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
