import type { PaperBallotInput, PaperBallotResponse, VoterList, VoterSearchQuery, WardVerification } from '@allot/shared';
import type { Db } from '../../db/client';
import { NotFoundError } from '../../errors';
import type { Principal } from '../../types';
import { appendAudit } from '../audit/audit.repository';
import { castPaperBallot } from '../ballots/ballots.service';
import { visibleCycle } from '../cycles/cycles.service';
import { findVoterFacts } from '../ballots/ballots.repository';
import { findWardById } from '../wards/wards.repository';
import * as repo from './paper-ballots.repository';

/** The paper-ballot desk's search: wards, verification and whether each resident voted. */
export async function searchVoters(db: Db, staff: Principal, cycleId: string, query: VoterSearchQuery): Promise<VoterList> {
  await visibleCycle(db, staff, cycleId);
  const rows = await repo.searchVoters(db, cycleId, query.q, query.limit);
  return {
    voters: rows.map((row) => ({
      id: row.id,
      displayName: row.displayName,
      email: row.email,
      homeWardId: row.homeWardId,
      verifiedWardId: row.verifiedWardId,
      birthYear: row.birthYear,
      voted: row.channel !== null,
      channel: row.channel,
    })),
  };
}

/**
 * Enters a resident's paper ballot (staff). Audited with who entered it, when and for whom —
 * never its content or receipt. The answer carries the receipt for the resident's slip but not
 * the resident.
 */
export async function enterPaperBallot(
  db: Db,
  secret: string,
  staff: Principal,
  requestId: string,
  cycleId: string,
  input: PaperBallotInput,
  now = new Date(),
): Promise<PaperBallotResponse> {
  return db.transaction(async (tx) => {
    // No row lock on the account: the participation insert's foreign-key check takes its own, and
    // a FOR UPDATE here could deadlock with that resident's concurrent online cast.
    if ((await findVoterFacts(tx, input.userId)) === undefined) throw new NotFoundError('No resident with this id');
    const cast = await castPaperBallot(tx, secret, staff, { cycleId, userId: input.userId, selections: input.selections }, now);
    await appendAudit(tx, {
      actorId: staff.userId,
      requestId,
      action: 'ballot.paper.enter',
      targetType: 'user',
      targetId: input.userId,
      details: { cycleId },
    });
    return { channel: 'paper', receipt: cast.receipt, castAt: cast.castAt, contentHash: cast.contentHash };
  });
}

/** Staff record the ward they have verified for a resident (audited). */
export async function verifyWard(db: Db, staff: Principal, requestId: string, userId: string, wardId: string): Promise<WardVerification> {
  return db.transaction(async (tx) => {
    if ((await findVoterFacts(tx, userId)) === undefined) throw new NotFoundError('No resident with this id');
    if ((await findWardById(tx, wardId)) === undefined) throw new NotFoundError('No ward with this id');
    const before = await repo.findWardVerification(tx, userId);
    const row = await repo.upsertWardVerification(tx, userId, wardId, staff.userId);
    await appendAudit(tx, {
      actorId: staff.userId,
      requestId,
      action: 'user.ward.verify',
      targetType: 'user',
      targetId: userId,
      details: { wardId, previousWardId: before?.wardId ?? null },
    });
    return { userId, wardId: row.wardId, verifiedAt: row.verifiedAt.toISOString() };
  });
}
