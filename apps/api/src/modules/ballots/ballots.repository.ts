import { and, eq, sql } from 'drizzle-orm';
import type { PotSelection } from '@allot/shared';
import type { Db } from '../../db/client';
import { ballotIdempotency, ballots, cycles, participation, users, wardVerifications } from '../../db/schema';

export type ParticipationRow = typeof participation.$inferSelect;
export type BallotRow = typeof ballots.$inferSelect;

/** The facts eligibility needs about a voter: wards and birth year, nothing else. */
export async function findVoterFacts(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, homeWardId: users.homeWardId, birthYear: users.birthYear, verifiedWardId: wardVerifications.wardId })
    .from(users)
    .leftJoin(wardVerifications, eq(wardVerifications.userId, users.id))
    .where(eq(users.id, userId));
  return row;
}

/**
 * The cycle row locked FOR SHARE (as every phase-gated action does, so a phase move or a rules
 * change waits for the cast), with the voter's facts, in one round trip.
 */
export async function lockCycleWithVoter(db: Db, cycleId: string, userId: string) {
  // Named (a prepared statement per connection): every cast runs it, PostgreSQL parses it once.
  const [row] = await db
    .select({ cycle: cycles, homeWardId: users.homeWardId, birthYear: users.birthYear, verifiedWardId: wardVerifications.wardId, userId: users.id })
    .from(cycles)
    .leftJoin(users, eq(users.id, sql.placeholder('userId')))
    .leftJoin(wardVerifications, eq(wardVerifications.userId, sql.placeholder('userId')))
    .where(eq(cycles.id, sql.placeholder('cycleId')))
    .for('share', { of: cycles })
    .prepare('ballots_lock_cycle_with_voter')
    .execute({ cycleId, userId });
  return row;
}

export async function findParticipation(db: Db, cycleId: string, userId: string): Promise<ParticipationRow | undefined> {
  const [row] = await db
    .select()
    .from(participation)
    .where(and(eq(participation.cycleId, cycleId), eq(participation.userId, userId)));
  return row;
}

/**
 * Records an online cast. A first cast inserts; a re-cast updates `last_cast_at`, but only while
 * the row is an online one: after a paper ballot nothing is returned. The row lock taken here
 * also serialises concurrent casts of one voter, across API instances.
 */
export async function upsertOnlineParticipation(
  db: Db,
  cycleId: string,
  userId: string,
  at: Date,
): Promise<{ channel: ParticipationRow['channel']; inserted: boolean } | undefined> {
  const [row] = await db
    .insert(participation)
    .values({ cycleId, userId, channel: 'online', firstCastAt: at, lastCastAt: at })
    .onConflictDoUpdate({
      target: [participation.cycleId, participation.userId],
      set: { lastCastAt: at },
      setWhere: sql`${participation.channel} = 'online'`,
    })
    // xmax is 0 on a freshly inserted row version: tells a first cast from a re-cast.
    .returning({ channel: participation.channel, inserted: sql<boolean>`(xmax = 0)` });
  return row;
}

/** Records a paper ballot; returns undefined when the voter already voted (any channel). */
export async function insertPaperParticipation(
  db: Db,
  cycleId: string,
  userId: string,
  enteredBy: string,
  at: Date,
): Promise<ParticipationRow | undefined> {
  const [row] = await db
    .insert(participation)
    .values({ cycleId, userId, channel: 'paper', firstCastAt: at, lastCastAt: at, enteredBy })
    .onConflictDoNothing({ target: [participation.cycleId, participation.userId] })
    .returning();
  return row;
}

export interface BallotContent {
  cycleId: string;
  voterToken: string;
  selections: PotSelection[];
  receipt: string;
  contentHash: string;
}

/** Replaces content and receipt of the voter's ballot (a re-cast); false if there is none. */
export async function replaceBallot(db: Db, content: BallotContent): Promise<boolean> {
  const rows = await db
    .update(ballots)
    .set({ selections: content.selections, receipt: content.receipt, contentHash: content.contentHash })
    .where(and(eq(ballots.cycleId, content.cycleId), eq(ballots.voterToken, content.voterToken)))
    .returning({ receipt: ballots.receipt });
  return rows.length > 0;
}

export interface IdempotentAnswer {
  key: string;
  requestHash: string;
  sealedResponse: string;
}

/**
 * Replaces content and receipt of the voter's ballot (a re-cast) and, in the same statement,
 * records the idempotent answer; false if there is no ballot to replace.
 */
export async function replaceBallotAnswering(db: Db, content: BallotContent, answer: IdempotentAnswer): Promise<boolean> {
  const result = await db.execute(sql`
    with replaced as (
      update ${ballots} set selections = ${JSON.stringify(content.selections)}::jsonb, receipt = ${content.receipt}, content_hash = ${content.contentHash}
      where cycle_id = ${content.cycleId} and voter_token = ${content.voterToken}
      returning cycle_id, voter_token
    )
    insert into ${ballotIdempotency} (cycle_id, voter_token, key, request_hash, sealed_response)
    select cycle_id, voter_token, ${answer.key}, ${answer.requestHash}, ${answer.sealedResponse} from replaced
    returning 1 as ok`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as unknown[];
  return rows.length > 0;
}

/** Writes a voter's first ballot and its idempotent answer in one statement. */
export async function insertBallotAnswering(db: Db, content: BallotContent, answer: IdempotentAnswer): Promise<void> {
  await db.execute(sql`
    with written as (
      insert into ${ballots} (cycle_id, voter_token, selections, receipt, content_hash)
      values (${content.cycleId}, ${content.voterToken}, ${JSON.stringify(content.selections)}::jsonb, ${content.receipt}, ${content.contentHash})
      returning cycle_id, voter_token
    )
    insert into ${ballotIdempotency} (cycle_id, voter_token, key, request_hash, sealed_response)
    select cycle_id, voter_token, ${answer.key}, ${answer.requestHash}, ${answer.sealedResponse} from written`);
}

/**
 * A voter's first online cast in one statement: inserts the participation row (its primary key
 * is the one-voter rule), and only if that row is new, the ballot and, when given, the idempotent
 * answer. Returns false, having written nothing, when the voter already has a participation row
 * (a re-cast or a paper ballot; a concurrent first cast of the same voter is waited for): the
 * caller then takes the re-cast path.
 */
export async function insertFirstOnlineCast(db: Db, userId: string, at: Date, content: BallotContent, answer?: IdempotentAnswer): Promise<boolean> {
  const params: unknown[] = [content.cycleId, userId, at.toISOString(), content.voterToken, JSON.stringify(content.selections), content.receipt, content.contentHash];
  if (answer !== undefined) params.push(answer.key, answer.requestHash, answer.sealedResponse);
  // Named (a prepared statement per connection): PostgreSQL parses and plans it once per connection.
  const query = db._.session.prepareQuery(
    { sql: answer === undefined ? FIRST_CAST_SQL : FIRST_CAST_ANSWERING_SQL, params },
    undefined,
    answer === undefined ? 'ballots_first_cast' : 'ballots_first_cast_answering',
    false,
  );
  const result = (await query.execute()) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as unknown[];
  return rows.length > 0;
}

const FIRST_CAST_CTES = `
  with voted as (
    insert into participation (cycle_id, user_id, channel, first_cast_at, last_cast_at)
    values ($1, $2, 'online', $3::timestamptz, $3::timestamptz)
    on conflict (cycle_id, user_id) do nothing
    returning cycle_id
  ), written as (
    insert into ballots (cycle_id, voter_token, selections, receipt, content_hash)
    select cycle_id, $4, $5::jsonb, $6, $7 from voted
    returning cycle_id, voter_token
  )`;
const FIRST_CAST_SQL = `${FIRST_CAST_CTES}
  select 1 as ok from written`;
const FIRST_CAST_ANSWERING_SQL = `${FIRST_CAST_CTES}, answered as (
    insert into ballot_idempotency (cycle_id, voter_token, key, request_hash, sealed_response)
    select cycle_id, voter_token, $8, $9, $10 from written
  )
  select 1 as ok from written`;

/** Writes a voter's first ballot: the primary key refuses a second. */
export async function insertBallot(db: Db, content: BallotContent): Promise<void> {
  await db.insert(ballots).values(content);
}

export async function findBallot(db: Db, cycleId: string, voterToken: string): Promise<BallotRow | undefined> {
  const [row] = await db
    .select()
    .from(ballots)
    .where(and(eq(ballots.cycleId, cycleId), eq(ballots.voterToken, voterToken)));
  return row;
}

export async function findIdempotentAnswer(db: Db, cycleId: string, voterToken: string, key: string) {
  const [row] = await db
    .select({ requestHash: ballotIdempotency.requestHash, sealedResponse: ballotIdempotency.sealedResponse })
    .from(ballotIdempotency)
    .where(and(eq(ballotIdempotency.cycleId, cycleId), eq(ballotIdempotency.voterToken, voterToken), eq(ballotIdempotency.key, key)));
  return row;
}

