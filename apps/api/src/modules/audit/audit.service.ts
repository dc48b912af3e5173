import type { AuditPage, AuditQuery } from '@allot/shared';
import type { Db } from '../../db/client';
import { listAudit } from './audit.repository';

export async function readAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const rows = await listAudit(db, {
    action: query.action,
    targetType: query.targetType,
    targetId: query.targetId,
    actorId: query.actorId,
    from: query.from === undefined ? undefined : new Date(query.from),
    to: query.to === undefined ? undefined : new Date(query.to),
    before: query.before === undefined ? undefined : Number(query.before),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) => ({
      id: String(row.id),
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorEmail: row.actorEmail,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      details: row.details,
      requestId: row.requestId,
    })),
    nextBefore: rows.length > query.limit && last !== undefined ? String(last.id) : null,
  };
}
