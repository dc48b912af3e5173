import { and, eq, sql } from 'drizzle-orm';
import type { BallotSettings, EligibilitySettings, Phase, PotSelection, Role, Schedule } from '@allot/shared';
import { rowsOf, type Db } from '../../db/client';
import { ballotIdempotency, ballots, cycles, participation, users, wardVerifications } from '../../db/schema';

export type ParticipationRow = typeof participation.$inferSelect;
export type BallotRow = typeof ballots.$inferSelect;

/**
 * Who cast, as which ward, when: the participation side of a cast. The ward is the one eligibility
 * decided for this cast (whose pot the voter got); it goes on the participation row only, never
 * near the ballot.
 */
export interface Voted {
  userId: string;
  wardId: string;
  at: Date;
}

/** The facts eligibility needs about a voter: wards and birth year, nothing else. */
export async function findVoterFacts(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, homeWardId: users.homeWardId, birthYear: users.birthYear, verifiedWardId: wardVerifications.wardId })
    .from(users)
    .leftJoin(wardVerifications, eq(wardVerifications.userId, users.id))
    .where(eq(users.id, userId));
  return row;
}

/** Runs `text` as a named prepared statement (parsed and planned once per connection). */
function runNamed(db: Db, name: string, text: string, params: unknown[]): Promise<unknown> {
  return db._.session.prepareQuery({ sql: text, params }, undefined, name, false).execute();
}

/** The cycle columns a cast is checked against. */
export interface CastCycle {
  id: string;
  phase: Phase;
  schedule: Schedule;
  ballot: BallotSettings;
  eligibility: EligibilitySettings;
}

/** Everything a first online cast reads, in one round trip, without a lock (see readCastContext). */
export interface CastContext {
  /** Token version, sign-in and roles of the account (the session rules of the auth plugin). */
  session: { tokenVersion: number; familyRevoked: boolean; familyExpiresAtMs: number; roles: Role[] };
  voter: { homeWardId: string | null; verifiedWardId: string | null; birthYear: number | null };
  /** Undefined when there is no cycle with this id. */
  cycle: CastCycle | undefined;
  /**
   * SHA-256 of the cycle's ballot, eligibility and schedule as read here: the first-cast statement
   * writes only while the row still has exactly these (and the voting phase).
   */
  settingsHash: string;
}

/**
 * The cycle settings a cast is validated against, hashed the same way in both statements (jsonb's
 * text form is canonical; SHA-256 rather than md5, which FIPS-mode servers refuse).
 */
const SETTINGS_HASH = `encode(sha256(convert_to(jsonb_build_array(c.ballot, c.eligibility, c.schedule)::text, 'UTF8')), 'hex')`;

const CAST_CONTEXT_SQL = `
  select u.token_version, f.revoked_at is not null as family_revoked,
    (extract(epoch from f.expires_at) * 1000)::float8 as family_expires_ms,
    coalesce((select array_agg(r.role::text order by r.role) from user_roles r where r.user_id = u.id), '{}'::text[]) as roles,
    u.home_ward_id, u.birth_year, v.ward_id as verified_ward_id,
    c.id as cycle_id, c.phase, c.schedule, c.ballot, c.eligibility, ${SETTINGS_HASH} as settings_hash
  from users u
  join session_families f on f.id = $3 and f.user_id = u.id
  left join ward_verifications v on v.user_id = u.id
  left join cycles c on c.id = $1
  where u.id = $2`;

interface CastContextRow {
  token_version: number;
  family_revoked: boolean;
  family_expires_ms: number;
  roles: Role[];
  home_ward_id: string | null;
  birth_year: number | null;
  verified_ward_id: string | null;
  cycle_id: string | null;
  phase: Phase;
  schedule: Schedule;
  ballot: BallotSettings;
  eligibility: EligibilitySettings;
  settings_hash: string;
}

/**
 * One plain read (no transaction, no lock) for a first online cast: the caller's account and
 * sign-in (the facts `principalFrom` checks, as findPrincipal reads them), the voter's facts for
 * eligibility, and the cycle with a hash of its settings. Undefined when there is no such
 * account with this sign-in. Nothing read here is trusted for the write: insertFirstCastChecked
 * re-checks, under the cycle lock, whatever could have changed since.
 */
export async function readCastContext(db: Db, cycleId: string, userId: string, sessionId: string): Promise<CastContext | undefined> {
  const [row] = rowsOf<CastContextRow>(await runNamed(db, 'ballots_cast_context', CAST_CONTEXT_SQL, [cycleId, userId, sessionId]));
  if (row === undefined) return undefined;
  return {
    session: { tokenVersion: row.token_version, familyRevoked: row.family_revoked, familyExpiresAtMs: row.family_expires_ms, roles: row.roles },
    voter: { homeWardId: row.home_ward_id, verifiedWardId: row.verified_ward_id, birthYear: row.birth_year },
    cycle:
      row.cycle_id === null
        ? undefined
        : { id: row.cycle_id, phase: row.phase, schedule: row.schedule, ballot: row.ballot, eligibility: row.eligibility },
    settingsHash: row.settings_hash,
  };
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
 * Records an online cast. A first cast inserts; a re-cast updates `last_cast_at` and the ward (the
 * ward of the ballot that now counts: a resident who moved before re-casting got the new ward's pot),
 * but only while the row is an online one: after a paper ballot nothing is returned. The row lock
 * taken here also serialises concurrent casts of one voter, across API instances, so the ward left
 * is the one of the ballot written last.
 */
export async function upsertOnlineParticipation(
  db: Db,
  cycleId: string,
  voted: Voted,
): Promise<{ channel: ParticipationRow['channel']; inserted: boolean } | undefined> {
  const { userId, wardId, at } = voted;
  const [row] = await db
    .insert(participation)
    .values({ cycleId, userId, wardId, channel: 'online', firstCastAt: at, lastCastAt: at })
    .onConflictDoUpdate({
      target: [participation.cycleId, participation.userId],
      set: { lastCastAt: at, wardId },
      setWhere: sql`${participation.channel} = 'online'`,
    })
    // xmax is 0 on a freshly inserted row version: tells a first cast from a re-cast.
    .returning({ channel: participation.channel, inserted: sql<boolean>`(xmax = 0)` });
  return row;
}

/** Records a paper ballot; returns undefined when the voter already voted (any channel). */
export async function insertPaperParticipation(db: Db, cycleId: string, voted: Voted, enteredBy: string): Promise<ParticipationRow | undefined> {
  const { userId, wardId, at } = voted;
  const [row] = await db
    .insert(participation)
    .values({ cycleId, userId, wardId, channel: 'paper', firstCastAt: at, lastCastAt: at, enteredBy })
    .onConflictDoNothing({ target: [participation.cycleId, participation.userId] })
    .returning();
  return row;
}

export interface BallotContent {
  cycleId: string;
  voterToken: string;
  selections: PotSelection[];
  /** `JSON.stringify(selections)` when the caller already has it (the content hash is of it). */
  selectionsJson?: string;
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
      update ${ballots} set selections = ${selectionsJsonOf(content)}::jsonb, receipt = ${content.receipt}, content_hash = ${content.contentHash}
      where cycle_id = ${content.cycleId} and voter_token = ${content.voterToken}
      returning cycle_id, voter_token
    )
    insert into ${ballotIdempotency} (cycle_id, voter_token, key, request_hash, sealed_response)
    select cycle_id, voter_token, ${answer.key}, ${answer.requestHash}, ${answer.sealedResponse} from replaced
    returning 1 as ok`);
  return rowsOf(result).length > 0;
}

/** Writes a voter's first ballot and its idempotent answer in one statement. */
export async function insertBallotAnswering(db: Db, content: BallotContent, answer: IdempotentAnswer): Promise<void> {
  await db.execute(sql`
    with written as (
      insert into ${ballots} (cycle_id, voter_token, selections, receipt, content_hash)
      values (${content.cycleId}, ${content.voterToken}, ${selectionsJsonOf(content)}::jsonb, ${content.receipt}, ${content.contentHash})
      returning cycle_id, voter_token
    )
    insert into ${ballotIdempotency} (cycle_id, voter_token, key, request_hash, sealed_response)
    select cycle_id, voter_token, ${answer.key}, ${answer.requestHash}, ${answer.sealedResponse} from written`);
}

/** The stored text of the selections: the caller's JSON when it has it, else made here. */
const selectionsJsonOf = (content: BallotContent): string => content.selectionsJson ?? JSON.stringify(content.selections);

/**
 * $1..$8 of both first-cast statements: cycle, voter, cast time, then the ballot (token,
 * selections JSON, receipt, content hash), then the ward on the participation row.
 */
function firstCastParams(voted: Voted, content: BallotContent): unknown[] {
  return [content.cycleId, voted.userId, voted.at.toISOString(), content.voterToken, selectionsJsonOf(content), content.receipt, content.contentHash, voted.wardId];
}

/** The ballot, written only from a new participation row (`voted`); shared by both first-cast statements. */
const BALLOT_FROM_VOTED = `written as (
    insert into ballots (cycle_id, voter_token, selections, receipt, content_hash)
    select cycle_id, $4, $5::jsonb, $6, $7 from voted
    returning cycle_id, voter_token
  )`;

interface FirstCastStatement {
  name: string;
  plain: string;
  /** The same statement also writing the idempotent answer from `written`. */
  answering: string;
}

/**
 * A first-cast statement in its two forms. `ctes` end with `written`; `result` is the final
 * select; the answering form takes the answer's key, body hash and sealed response as the three
 * parameters after the first `paramCount`.
 */
function firstCastStatement(name: string, ctes: string, result: string, paramCount: number): FirstCastStatement {
  const [key, hash, sealed] = [1, 2, 3].map((offset) => `$${paramCount + offset}`);
  return {
    name,
    plain: `${ctes}${result}`,
    answering: `${ctes}, answered as (
    insert into ballot_idempotency (cycle_id, voter_token, key, request_hash, sealed_response)
    select cycle_id, voter_token, ${key}, ${hash}, ${sealed} from written
  )${result}`,
  };
}

/** Runs a first-cast statement as a named prepared statement (PostgreSQL parses and plans it once per connection). */
function runFirstCast(db: Db, statement: FirstCastStatement, params: unknown[], answer: IdempotentAnswer | undefined): Promise<unknown> {
  if (answer === undefined) return runNamed(db, statement.name, statement.plain, params);
  return runNamed(db, `${statement.name}_answering`, statement.answering, [...params, answer.key, answer.requestHash, answer.sealedResponse]);
}

/**
 * A voter's first online cast in one statement: inserts the participation row (its primary key
 * is the one-voter rule), and only if that row is new, the ballot and, when given, the idempotent
 * answer. Returns false, having written nothing, when the voter already has a participation row
 * (a re-cast or a paper ballot; a concurrent first cast of the same voter is waited for): the
 * caller then takes the re-cast path.
 */
export async function insertFirstOnlineCast(db: Db, voted: Voted, content: BallotContent, answer?: IdempotentAnswer): Promise<boolean> {
  return rowsOf(await runFirstCast(db, FIRST_CAST, firstCastParams(voted, content), answer)).length > 0;
}

const FIRST_CAST = firstCastStatement(
  'ballots_first_cast',
  `
  with voted as (
    insert into participation (cycle_id, user_id, ward_id, channel, first_cast_at, last_cast_at)
    values ($1, $2, $8::uuid, 'online', $3::timestamptz, $3::timestamptz)
    on conflict (cycle_id, user_id) do nothing
    returning cycle_id
  ), ${BALLOT_FROM_VOTED}`,
  `
  select 1 as ok from written`,
  8,
);

/** What the checked first-cast statement did. */
export interface CheckedCast {
  /** The cycle row was still in voting with the settings the ballot was checked against (and is locked FOR SHARE). */
  open: boolean;
  /** The sign-in was still valid: same token version, not revoked, not expired at the cast time. */
  signedIn: boolean;
  /** Participation, ballot and (when given) the idempotent answer were written. */
  written: boolean;
}

/**
 * A voter's first online cast as ONE autocommit statement (no BEGIN/COMMIT), after the checks
 * were made in application code on what readCastContext read. The statement itself re-checks
 * whatever could have changed since that read, and writes only if all of it still holds:
 *
 * - `open_cycle` locks the cycle row FOR SHARE and keeps it only while it is in voting with the
 *   same settings hash. If a phase move or a settings change holds the row FOR UPDATE, the lock
 *   waits for it, and PostgreSQL then re-evaluates the condition on the row as committed
 *   (READ COMMITTED re-check of a locked row), so the cast sees the new phase and writes nothing.
 *   Once taken, the share lock is held until this statement's transaction commits: a phase move
 *   or settings change that comes later waits for the ballot and then sees it.
 * - `signed_in` re-reads the account and the sign-in FOR SHARE, the same way: a logout (which
 *   revokes the sign-in) or a role change (which bumps the token version) committed before the
 *   cast's write, or while it waits, stops it; one that comes later waits for the cast to commit.
 * - participation is inserted `ON CONFLICT DO NOTHING` (its primary key is the one-ballot rule;
 *   an uncommitted concurrent first cast of the same voter is waited for), and only from a new
 *   row are the ballot and the idempotent answer written.
 *
 * One statement is one transaction: all three rows are written or none. When nothing is written
 * the answer says why, and the caller goes on with the transactional path.
 */
export async function insertFirstCastChecked(
  db: Db,
  voted: Voted,
  content: BallotContent,
  guard: { settingsHash: string; sessionId: string; tokenVersion: number },
  answer?: IdempotentAnswer,
): Promise<CheckedCast> {
  const params = [...firstCastParams(voted, content), guard.settingsHash, guard.sessionId, guard.tokenVersion];
  const result = await runFirstCast(db, CHECKED_CAST, params, answer);
  const [row] = rowsOf<CheckedCast>(result);
  return { open: row?.open === true, signedIn: row?.signedIn === true, written: row?.written === true };
}

const CHECKED_CAST = firstCastStatement(
  'ballots_first_cast_checked',
  `
  with open_cycle as materialized (
    select c.id from cycles c
    where c.id = $1 and c.phase = 'voting' and ${SETTINGS_HASH} = $9
    for share
  ), signed_in as materialized (
    select 1 as ok from users u
    join session_families f on f.id = $10 and f.user_id = u.id
    where u.id = $2 and u.token_version = $11 and f.revoked_at is null and f.expires_at > $3::timestamptz
    for share of u, f
  ), voted as (
    insert into participation (cycle_id, user_id, ward_id, channel, first_cast_at, last_cast_at)
    select open_cycle.id, $2, $8::uuid, 'online', $3::timestamptz, $3::timestamptz from open_cycle, signed_in
    on conflict (cycle_id, user_id) do nothing
    returning cycle_id
  ), ${BALLOT_FROM_VOTED}`,
  `
  select exists (select 1 from open_cycle) as "open", exists (select 1 from signed_in) as "signedIn",
    exists (select 1 from written) as "written"`,
  11,
);

/** Writes a voter's first ballot: the primary key refuses a second. */
export async function insertBallot(db: Db, content: BallotContent): Promise<void> {
  const { cycleId, voterToken, selections, receipt, contentHash } = content;
  await db.insert(ballots).values({ cycleId, voterToken, selections, receipt, contentHash });
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

