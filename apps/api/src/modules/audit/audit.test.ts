import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { AuditPage } from '@allot/shared';
import { auditLog } from '../../db/schema';
import { count, createWard, expectEnvelope, useTestApp } from '../../../test/helpers';
import { arrangeCast, CALLERS, cycleInput, type Cast } from '../cycles/test-fixtures';

const t = useTestApp();
let cast: Cast;
let cycleId: string;

beforeAll(async () => {
  const wardId = (await createWard(t.db)).id;
  cast = await arrangeCast(t, wardId);
  const created = await t.http().post('/api/cycles').set(cast.admin.auth).send(cycleInput([wardId])).expect(201);
  cycleId = (created.body as { id: string }).id;
  await t.http().post(`/api/cycles/${cycleId}/phase`).set(cast.admin.auth).expect(200);
});

const read = async (query: Record<string, string | number>) => {
  const response = await t.http().get('/api/audit').query(query).set(cast.admin.auth);
  expect(response.status).toBe(200);
  return AuditPage.parse(response.body);
};

describe('GET /api/audit', () => {
  it('lets only admins read the log', async () => {
    for (const caller of CALLERS) {
      const response = await t.http().get('/api/audit').set(cast[caller].auth);
      if (caller === 'admin') expect(AuditPage.parse(response.body).entries.length).toBeGreaterThan(0);
      else expectEnvelope(response, caller === 'signedOut' ? 401 : 403);
    }
  });

  it('filters by action, actor and entity, newest first', async () => {
    const moves = await read({ action: 'cycle.phase.move' });
    expect(moves.entries.map((entry) => [entry.targetId, entry.details.from, entry.details.to])).toEqual([[cycleId, 'draft', 'proposals']]);
    const byEntity = await read({ targetType: 'cycle', targetId: cycleId });
    expect(byEntity.entries.map((entry) => entry.action)).toEqual(['cycle.phase.move', 'cycle.create']);
    const byActor = await read({ actorId: cast.admin.id, targetId: cycleId });
    expect(byActor.entries.every((entry) => entry.actorId === cast.admin.id)).toBe(true);
    expect((await read({ actorId: cast.staff.id })).entries).toEqual([]);
  });

  it('filters by a date range', async () => {
    const [row] = (await t.db.select({ at: auditLog.at }).from(auditLog).where(sql`action = 'cycle.create'`)) as { at: Date }[];
    if (row === undefined) throw new Error('no cycle.create entry');
    const at = row.at.getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    expect((await read({ action: 'cycle.create', from: iso(at - 1000), to: iso(at + 1000) })).entries).toHaveLength(1);
    expect((await read({ action: 'cycle.create', from: iso(at + 1000) })).entries).toHaveLength(0);
    expect((await read({ action: 'cycle.create', to: iso(at) })).entries).toHaveLength(0);
  });

  it('answers 400 for a malformed date and changes nothing', async () => {
    const before = await count(t.db, sql`${auditLog}`);
    expectEnvelope(await t.http().get('/api/audit').query({ from: 'last tuesday' }).set(cast.admin.auth), 400);
    expect(await count(t.db, sql`${auditLog}`)).toBe(before);
  });
});
