import { phaseIndex, type ReceiptCheck, type ReceiptsBoard, type ReceiptsQuery } from '@allot/shared';
import type { Db } from '../../db/client';
import { ConflictError, NotFoundError } from '../../errors';
import { visibleCycle } from '../cycles/cycles.service';
import type { Viewer } from '../cycles/viewer';
import * as repo from './receipts.repository';

/** The board opens when voting has closed (counting or later): before that it would change under the reader. */
async function closedCycle(db: Db, viewer: Viewer, cycleId: string) {
  const cycle = await visibleCycle(db, viewer, cycleId);
  if (phaseIndex(cycle.phase) < phaseIndex('counting')) {
    throw new ConflictError(`The receipts board opens when voting has closed; this cycle is in the ${cycle.phase} phase`);
  }
  return cycle;
}

export async function receiptsBoard(db: Db, viewer: Viewer, cycleId: string, query: ReceiptsQuery): Promise<ReceiptsBoard> {
  await closedCycle(db, viewer, cycleId);
  const rows = await repo.listReceipts(db, cycleId, query.after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    cycleId,
    total: await repo.countBallots(db, cycleId),
    receipts: page,
    next: rows.length > query.limit ? (page.at(-1)?.receipt ?? null) : null,
  };
}

export async function checkReceipt(db: Db, viewer: Viewer, cycleId: string, code: string): Promise<ReceiptCheck> {
  await closedCycle(db, viewer, cycleId);
  const row = await repo.findReceipt(db, cycleId, code);
  if (row === undefined) throw new NotFoundError('No counted ballot has this receipt in this cycle');
  return { receipt: row.receipt, counted: true, contentHash: row.contentHash };
}
