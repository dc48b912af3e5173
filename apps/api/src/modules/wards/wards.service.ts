import type { Ward, WardCreate, WardUpdate } from '@allot/shared';
import type { Db } from '../../db/client';
import { ConflictError, isPgError, NotFoundError, PgCode, ValidationError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import type { Actor } from '../../lib/actor';
import * as repo from './wards.repository';

export function toWard(row: repo.WardRow): Ward {
  return { id: row.id, name: row.name, code: row.code, population: row.population, populationByAge: row.populationByAge ?? null };
}

// Kept here too: modules written before lib/actor.ts import it from this file.
export type { Actor } from '../../lib/actor';

function duplicateCode(error: unknown): never {
  if (isPgError(error, PgCode.uniqueViolation, 'wards_code_unique')) {
    throw new ConflictError('A ward with this code already exists', [
      { path: 'code', message: 'Another ward already uses this code' },
    ]);
  }
  throw error;
}

export async function listWards(db: Db): Promise<Ward[]> {
  return (await repo.listWards(db)).map(toWard);
}

export async function createWard(db: Db, actor: Actor, input: WardCreate): Promise<Ward> {
  try {
    return await db.transaction(async (tx) => {
      const row = await repo.insertWard(tx, input);
      await appendAudit(tx, {
        actorId: actor.userId,
        requestId: actor.requestId,
        action: 'ward.create',
        targetType: 'ward',
        targetId: row.id,
        details: { name: row.name, code: row.code, population: row.population },
      });
      return toWard(row);
    });
  } catch (error) {
    duplicateCode(error);
  }
}

export async function updateWard(db: Db, actor: Actor, id: string, changes: WardUpdate): Promise<Ward> {
  if (Object.keys(changes).length === 0) {
    throw new ValidationError('Nothing to change', [{ path: '', message: 'Give at least one of name, code, population' }]);
  }
  try {
    return await db.transaction(async (tx) => {
      const before = await repo.findWardById(tx, id);
      if (before === undefined) throw new NotFoundError('No ward with this id');
      const after = await repo.updateWard(tx, id, changes);
      if (after === undefined) throw new NotFoundError('No ward with this id');
      await appendAudit(tx, {
        actorId: actor.userId,
        requestId: actor.requestId,
        action: 'ward.update',
        targetType: 'ward',
        targetId: id,
        details: { before: toWard(before), after: toWard(after) },
      });
      return toWard(after);
    });
  } catch (error) {
    duplicateCode(error);
  }
}
