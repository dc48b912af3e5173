import { phaseIndex, type CastBallotResponse, type MyBallot, type PotSelection } from '@allot/shared';
import type { Db } from '../../db/client';
import { ConflictError, ForbiddenError, isPgError, NotFoundError, PgCode, RuleViolationError, UnauthorizedError } from '../../errors';
import { principalFrom, SIGNED_OUT_MESSAGE, type AccessClaims } from '../../plugins/auth';
import type { CycleRow } from '../cycles/cycles.repository';
import { listPots } from '../cycles/cycles.repository';
import { visibleCycle } from '../cycles/cycles.service';
import type { Principal } from '../../types';
import { isAdmin } from '../cycles/viewer';
import { listBallotProjects } from '../reviews/reviews.repository';
import { canonicalSelections, contentHashOfJson, newReceipt, requestHash, seal, unseal, voterToken } from './ballot-crypto';
import { checkSelections, closedReason, eligibility, type PotOnBallot, type VoterFacts } from './ballot-rules';
import * as repo from './ballots.repository';

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Every pot of the cycle with its ballot projects (feasible proposals at the staff cost).
 * From voting on, pots and ballot projects cannot change (pots are fixed once voting starts,
 * verdicts are only given in feasibility, withdrawals only before voting, and phases never go
 * back), so each process keeps them per cycle: a cast then reads only the cycle and the voter.
 */
const frozenBallots = new Map<string, PotOnBallot[]>();
const FROZEN_BALLOTS_KEPT = 64;

async function ballotPots(db: Db, cycle: Pick<CycleRow, 'id' | 'phase'>): Promise<PotOnBallot[]> {
  const frozen = phaseIndex(cycle.phase) >= phaseIndex('voting');
  const kept = frozen ? frozenBallots.get(cycle.id) : undefined;
  if (kept !== undefined) return kept;
  const [pots, projects] = await Promise.all([listPots(db, cycle.id), listBallotProjects(db, cycle.id)]);
  const loaded = pots.map((pot) => ({
    id: pot.id,
    wardId: pot.wardId,
    name: pot.name,
    budget: pot.budget,
    projects: projects.filter((project) => project.potId === pot.id).map((project) => ({ id: project.id, title: project.title, cost: project.cost })),
  }));
  if (frozen) {
    if (frozenBallots.size >= FROZEN_BALLOTS_KEPT) frozenBallots.delete(frozenBallots.keys().next().value ?? '');
    frozenBallots.set(cycle.id, loaded);
  }
  return loaded;
}

/**
 * The voter's eligibility in this cycle, the ward they vote as (null when not eligible) and the
 * pots they may vote in (that ward's + city-wide).
 */
async function voterStanding(db: Db, cycle: Pick<CycleRow, 'id' | 'phase' | 'eligibility' | 'schedule'>, facts: VoterFacts, now: Date) {
  const pots = await ballotPots(db, cycle);
  const { wardId, reasons } = eligibility(
    cycle.eligibility,
    cycle.schedule,
    facts,
    (ward) => pots.some((pot) => pot.wardId === ward),
    isoDay(now),
  );
  const mine = wardId === null ? [] : pots.filter((pot) => pot.wardId === wardId || pot.wardId === null);
  return { wardId, reasons, pots: mine };
}

export async function getMyBallot(db: Db, secret: string, viewer: Principal, cycleId: string, now = new Date()): Promise<MyBallot> {
  const cycle = await visibleCycle(db, viewer, cycleId);
  if (phaseIndex(cycle.phase) < phaseIndex('voting')) {
    throw new ConflictError(`The ballot is published when voting starts; this cycle is in the ${cycle.phase} phase`);
  }
  const facts = await repo.findVoterFacts(db, viewer.userId);
  if (facts === undefined) throw new NotFoundError('No such account');
  const standing = await voterStanding(db, cycle, facts, now);
  const participation = await repo.findParticipation(db, cycleId, viewer.userId);
  const ballot = participation === undefined ? undefined : await repo.findBallot(db, cycleId, voterToken(secret, cycleId, viewer.userId));
  const range = cycle.schedule.voting;
  return {
    cycleId,
    phase: cycle.phase,
    open: closedReason(cycle.phase, cycle.schedule, now) === null,
    window: range === undefined ? null : { start: range.start, end: range.end },
    settings: cycle.ballot,
    eligibility: { rules: cycle.eligibility, eligible: standing.reasons.length === 0, reasons: standing.reasons },
    pots: standing.pots.map((pot) => ({
      potId: pot.id,
      wardId: pot.wardId,
      name: pot.name,
      budget: pot.budget,
      projects: pot.projects.map((project) => ({ id: project.id, potId: pot.id, title: project.title, cost: project.cost })),
    })),
    current:
      participation === undefined || ballot === undefined
        ? null
        : {
            channel: participation.channel,
            receipt: ballot.receipt,
            castAt: participation.lastCastAt.toISOString(),
            selections: ballot.selections,
            contentHash: ballot.contentHash,
          },
  };
}

/** The cycle and voter as a cast reads them (locked in a transaction, or in the first-cast read). */
type CheckedCycle = Pick<CycleRow, 'id' | 'phase' | 'schedule' | 'ballot' | 'eligibility'>;

/**
 * The checks of every cast, in this order: the cycle exists (drafts only for admins) and so does
 * the voter, voting is open, the voter is eligible, and the ballot is valid whole. Returns the
 * canonical content, its JSON and its hash, and the ward the voter votes as (whose pot they got).
 */
async function checkCast(
  db: Db,
  viewer: Principal,
  cycle: CheckedCycle | undefined,
  voter: VoterFacts | undefined,
  selections: readonly PotSelection[],
  now: Date,
) {
  if (cycle === undefined || (cycle.phase === 'draft' && !isAdmin(viewer))) throw new NotFoundError('No cycle with this id');
  if (voter === undefined) throw new NotFoundError('No resident with this id');
  const closed = closedReason(cycle.phase, cycle.schedule, now);
  if (closed !== null) throw new ConflictError(closed);
  const standing = await voterStanding(db, cycle, voter, now);
  if (standing.reasons.length > 0) throw new ForbiddenError(`You cannot vote in this cycle: ${standing.reasons.join('; ')}`);
  // Eligible means a ward was established (eligibility returns a null ward only with reasons).
  if (standing.wardId === null) throw new Error('an eligible voter without a ward');
  checkSelections(cycle.ballot, standing.pots, selections);
  const canonical = canonicalSelections(selections);
  const json = JSON.stringify(canonical);
  return { canonical, json, hash: contentHashOfJson(json), wardId: standing.wardId };
}

/**
 * Inside the caller's transaction: locks the cycle row FOR SHARE (a phase move or a rules change
 * waits for the cast), reads the voter's facts in the same round trip, and runs checkCast.
 */
async function lockAndCheck(tx: Db, viewer: Principal, cycleId: string, userId: string, selections: readonly PotSelection[], now: Date) {
  const row = await repo.lockCycleWithVoter(tx, cycleId, userId);
  return checkCast(tx, viewer, row?.cycle, row === undefined || row.userId === null ? undefined : row, selections, now);
}

/** Thrown inside the transaction to roll it back and answer a retried request as the first time. */
class Replay {
  constructor(readonly answer: CastBallotResponse) {}
}

export interface CastRequest {
  cycleId: string;
  selections: PotSelection[];
  idempotencyKey?: string | undefined;
}

/** The answer, the ballot row and the idempotency record of a cast that passed checkCast. */
function prepareCast(secret: string, userId: string, request: CastRequest, checked: { canonical: PotSelection[]; json: string; hash: string }, now: Date) {
  const { cycleId, idempotencyKey } = request;
  const token = voterToken(secret, cycleId, userId);
  // Only a cast with an Idempotency-Key needs the body's hash (to refuse the key with another body).
  const bodyHash = idempotencyKey === undefined ? '' : requestHash(request.selections);
  const answer: CastBallotResponse = { receipt: newReceipt(), castAt: now.toISOString(), selections: checked.canonical, contentHash: checked.hash };
  const content: repo.BallotContent = {
    cycleId,
    voterToken: token,
    selections: checked.canonical,
    selectionsJson: checked.json,
    receipt: answer.receipt,
    contentHash: checked.hash,
  };
  const record = idempotencyKey === undefined ? undefined : { key: idempotencyKey, requestHash: bodyHash, sealedResponse: seal(secret, answer) };
  return { token, bodyHash, answer, content, record };
}

/**
 * Casts or replaces the caller's online ballot, in one transaction. A first cast is one statement
 * after the checks: participation insert (the primary key is the one-voter-one-ballot rule), and
 * only when that row is new, the ballot under the voter token and the idempotency record.
 * Otherwise (a re-cast, a retried request, a paper ballot): participation upsert (its row lock
 * orders a voter's concurrent casts, whatever the instance), the idempotency lookup, then the
 * ballot update. Nothing links the two halves but the secret-keyed token.
 *
 * The caller has checked the session (the route goes through castSignedIn; the demo seeds call
 * this directly).
 */
export async function castOnlineBallot(db: Db, secret: string, viewer: Principal, request: CastRequest, now = new Date()): Promise<CastBallotResponse> {
  return castInTransaction(db, secret, viewer, request, now, true);
}

async function castInTransaction(
  db: Db,
  secret: string,
  viewer: Principal,
  request: CastRequest,
  now: Date,
  tryFirstCast: boolean,
): Promise<CastBallotResponse> {
  const { cycleId, idempotencyKey } = request;
  try {
    return await db.transaction(async (tx) => {
      const checked = await lockAndCheck(tx, viewer, cycleId, viewer.userId, request.selections, now);
      const { token, bodyHash, answer, content, record } = prepareCast(secret, viewer.userId, request, checked, now);
      // No participation row yet means no earlier ballot and no earlier idempotent answer.
      const voted = { userId: viewer.userId, wardId: checked.wardId, at: now };
      if (tryFirstCast && (await repo.insertFirstOnlineCast(tx, voted, content, record))) return answer;

      const participation = await repo.upsertOnlineParticipation(tx, cycleId, voted);
      if (participation === undefined) {
        throw new ConflictError('Your paper ballot for this cycle has already been counted; it cannot be changed online');
      }
      if (idempotencyKey !== undefined) {
        const earlier = await repo.findIdempotentAnswer(tx, cycleId, token, idempotencyKey);
        if (earlier !== undefined) {
          if (earlier.requestHash !== bodyHash) {
            throw new RuleViolationError('This Idempotency-Key was already used for a different ballot; use a new key for a new ballot');
          }
          throw new Replay(unseal<CastBallotResponse>(secret, earlier.sealedResponse));
        }
      }
      if (participation.inserted) {
        // No participation row when the first statement ran (or it was skipped), or that row was gone by now.
        if (record === undefined) await repo.insertBallot(tx, content);
        else await repo.insertBallotAnswering(tx, content, record);
      } else if (!(await (record === undefined ? repo.replaceBallot(tx, content) : repo.replaceBallotAnswering(tx, content, record)))) {
        // Participation says this voter voted, but no ballot has their token: the ballot secret
        // changed. Refuse rather than store a second ballot for one voter.
        throw new ConflictError('Your earlier ballot cannot be found to replace it; please contact the council');
      }
      return answer;
    });
  } catch (error) {
    if (error instanceof Replay) return error.answer;
    throw error;
  }
}

/**
 * The cast as the route runs it, for a caller whose access token is verified but whose session
 * is not yet checked. The common case, a voter's first online cast, is two round trips:
 *
 * 1. readCastContext: the session facts (the auth plugin's rules, applied by principalFrom), the
 *    voter's facts and the cycle, in one plain read. checkCast runs on them: a refusal (401, 404,
 *    409, 403, 400, 422) is answered from this consistent read and changes nothing.
 * 2. insertFirstCastChecked: one autocommit statement that locks the cycle FOR SHARE, re-checks
 *    the phase, the settings the ballot was checked against and the session, and writes
 *    participation, ballot and idempotent answer only if they all hold and the voter has no
 *    participation row yet.
 *
 * Anything else goes through the transactional path above, which re-reads and re-checks under the
 * lock: a re-cast, a retried request or a paper ballot (the voter has a participation row), and a
 * cycle whose phase or settings changed between the two statements (exact errors from the new
 * state). A session ended between them is a 401.
 */
export async function castSignedIn(db: Db, secret: string, claims: AccessClaims, request: CastRequest, now = new Date()): Promise<CastBallotResponse> {
  const context = await repo.readCastContext(db, request.cycleId, claims.sub, claims.sid);
  const viewer = principalFrom(claims, context?.session, now.getTime());
  if (viewer === null || context === undefined) throw new UnauthorizedError(SIGNED_OUT_MESSAGE);
  const checked = await checkCast(db, viewer, context.cycle, context.voter, request.selections, now);
  const { answer, content, record } = prepareCast(secret, viewer.userId, request, checked, now);
  const guard = { settingsHash: context.settingsHash, sessionId: claims.sid, tokenVersion: claims.tv };
  const outcome = await repo.insertFirstCastChecked(db, { userId: viewer.userId, wardId: checked.wardId, at: now }, content, guard, record);
  if (outcome.written) return answer;
  if (!outcome.signedIn) throw new UnauthorizedError(SIGNED_OUT_MESSAGE);
  // The voter already has a participation row (the first-cast insert is pointless), or the cycle
  // changed since the read (then the first-cast insert is tried again under the lock).
  return castInTransaction(db, secret, viewer, request, now, !outcome.open);
}

export interface PaperCast {
  cycleId: string;
  userId: string;
  selections: PotSelection[];
}

/**
 * A paper ballot typed in by staff for a resident: the same checks as online, but it must be the
 * resident's first and only ballot (an online ballot, or an earlier paper one, is a 409).
 */
export async function castPaperBallot(
  tx: Db,
  secret: string,
  clerk: Principal,
  cast: PaperCast,
  now: Date,
): Promise<{ receipt: string; contentHash: string; castAt: string }> {
  const { canonical, hash, wardId } = await lockAndCheck(tx, clerk, cast.cycleId, cast.userId, cast.selections, now);
  const participation = await repo.insertPaperParticipation(tx, cast.cycleId, { userId: cast.userId, wardId, at: now }, clerk.userId);
  if (participation === undefined) {
    const existing = await repo.findParticipation(tx, cast.cycleId, cast.userId);
    throw new ConflictError(
      existing?.channel === 'paper'
        ? 'A paper ballot for this resident has already been entered; it cannot be entered twice'
        : 'This resident has already voted online; a paper ballot cannot be accepted',
    );
  }
  const receipt = newReceipt();
  try {
    await repo.insertBallot(tx, { cycleId: cast.cycleId, voterToken: voterToken(secret, cast.cycleId, cast.userId), selections: canonical, receipt, contentHash: hash });
  } catch (error) {
    if (isPgError(error, PgCode.uniqueViolation, 'ballots_cycle_voter_unique')) throw new ConflictError('This resident has already voted');
    throw error;
  }
  return { receipt, contentHash: hash, castAt: now.toISOString() };
}

