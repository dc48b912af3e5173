/**
 * The first online cast in two round trips (castSignedIn): a plain read, then one autocommit
 * statement that re-checks, under the cycle's share lock, whatever could have changed since the
 * read. These tests change the cycle or the session between the two, or while the write waits.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import supertest from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createPostgresDatabase } from '../../db/client';
import { count, expectEnvelope, signIn, testConfig, useTestApp, usingPostgres, createAccount, bearer } from '../../../test/helpers';
import { setPhase } from '../cycles/cycles.repository';
import { replaceRoles } from '../users/users.repository';
import { canonicalSelections, contentHash, newReceipt, voterToken } from './ballot-crypto';
import { insertFirstCastChecked, readCastContext } from './ballots.repository';
import { arrangeVotingCycle, participationWard, votingRows, type VotingCycle } from './test-fixtures';

const t = useTestApp({ dbPoolMax: 10 });

/** A resident of ward A signed in through the API: token, refresh cookie and sign-in id. */
async function signedInVoter(cycle: VotingCycle) {
  const account = await createAccount(t.db, { homeWardId: cycle.wardA, birthYear: 1980 });
  const session = await signIn(t.app, account.email);
  const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sid: string; tv: number };
  return { id: account.id, auth: bearer(session.accessToken), refreshCookie: session.refreshCookie, sessionId: claims.sid, tokenVersion: claims.tv };
}

const cast = (cycleId: string, auth: { authorization: string }, selections: unknown) =>
  // Promise.resolve starts the request now (supertest sends on then()).
  Promise.resolve(t.http().put(`/api/cycles/${cycleId}/ballot`).set(auth).send({ selections }));

describe('a first cast checks the session in its own read', () => {
  it('refuses a signed-out session (logout) with 401 and writes nothing', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const voter = await signedInVoter(cycle);
    expect((await t.http().post('/api/auth/logout').set('cookie', voter.refreshCookie)).status).toBe(204);
    const before = await votingRows(t.db, cycle.id);
    const response = await cast(cycle.id, voter.auth, [{ potId: cycle.potA, projects: [cycle.a[0]] }]);
    expect(expectEnvelope(response, 401).message).toMatch(/Sign in/);
    expect(await votingRows(t.db, cycle.id)).toEqual(before);
  });

  it('refuses a token from before a role change with 401 and writes nothing', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const voter = await signedInVoter(cycle);
    await replaceRoles(t.db, voter.id, ['resident'], []);
    const before = await votingRows(t.db, cycle.id);
    expectEnvelope(await cast(cycle.id, voter.auth, [{ potId: cycle.potA, projects: [cycle.a[0]] }]), 401);
    expect(await votingRows(t.db, cycle.id)).toEqual(before);
  });

  it('answers a bad token 401 before reading anything, and a valid one casts', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const voter = await signedInVoter(cycle);
    const forged = { authorization: `${voter.auth.authorization.slice(0, -4)}AAAA` };
    expectEnvelope(await cast(cycle.id, forged, [{ potId: cycle.potA, projects: [cycle.a[0]] }]), 401);
    const ok = await cast(cycle.id, voter.auth, [{ potId: cycle.potA, projects: [cycle.a[0]] }]);
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('private, no-store');
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: 1, participation: 1 });
  });
});

describe('the checked first-cast statement writes only if what the cast was checked against still holds', () => {
  it('writes nothing, and says why, for stale settings, another token version, an expired sign-in or a moved phase', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const voter = await signedInVoter(cycle);
    const context = await readCastContext(t.db, cycle.id, voter.id, voter.sessionId);
    expect(context?.cycle?.phase).toBe('voting');
    expect(context?.session).toMatchObject({ tokenVersion: voter.tokenVersion, familyRevoked: false, roles: ['resident'] });
    expect(context?.voter).toEqual({ homeWardId: cycle.wardA, verifiedWardId: null, birthYear: 1980 });
    const selections = canonicalSelections([{ potId: cycle.potA, projects: [cycle.a[0] ?? ''] }]);
    const content = { cycleId: cycle.id, voterToken: voterToken('a-test-secret', cycle.id, voter.id), selections, receipt: newReceipt(), contentHash: contentHash(selections) };
    const guard = { settingsHash: context?.settingsHash ?? '', sessionId: voter.sessionId, tokenVersion: voter.tokenVersion };
    const now = new Date();
    const voted = { userId: voter.id, wardId: cycle.wardA, at: now };

    expect(await insertFirstCastChecked(t.db, voted, content, { ...guard, settingsHash: 'f'.repeat(64) })).toEqual({ open: false, signedIn: true, written: false });
    expect(await insertFirstCastChecked(t.db, voted, content, { ...guard, tokenVersion: guard.tokenVersion + 1 })).toEqual({ open: true, signedIn: false, written: false });
    const afterExpiry = new Date(now.getTime() + 400 * 24 * 60 * 60 * 1000);
    expect(await insertFirstCastChecked(t.db, { ...voted, at: afterExpiry }, content, guard)).toEqual({ open: true, signedIn: false, written: false });
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: 0, participation: 0 });

    // Nothing changed: all three rows; then the voter has a participation row, so nothing more.
    const answer = { key: 'fast-1', requestHash: 'r'.repeat(64), sealedResponse: 'sealed' };
    expect(await insertFirstCastChecked(t.db, voted, content, guard, answer)).toEqual({ open: true, signedIn: true, written: true });
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: 1, participation: 1 });
    expect(await participationWard(t.db, cycle.id, voter.id)).toBe(cycle.wardA);
    // A second first cast (another ward given) writes nothing, the stored ward included.
    const again = { ...content, receipt: newReceipt() };
    expect(await insertFirstCastChecked(t.db, { ...voted, wardId: cycle.wardB }, again, guard)).toEqual({ open: true, signedIn: true, written: false });
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: 1, participation: 1 });
    expect(await participationWard(t.db, cycle.id, voter.id)).toBe(cycle.wardA);

    await setPhase(t.db, cycle.id, 'counting');
    const other = await signedInVoter(cycle);
    const otherContent = { ...content, voterToken: voterToken('a-test-secret', cycle.id, other.id), receipt: newReceipt() };
    const otherGuard = { ...guard, sessionId: other.sessionId, tokenVersion: other.tokenVersion };
    expect(await insertFirstCastChecked(t.db, { ...voted, userId: other.id }, otherContent, otherGuard)).toEqual({ open: false, signedIn: true, written: false });
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: 1, participation: 1 });
  });
});

if (!usingPostgres) {
  console.log('[voting fast path] races skipped: set DATABASE_URL to run them on PostgreSQL (PGlite runs one query at a time)');
}

describe.skipIf(!usingPostgres)('the first cast racing a phase move, a rules change or a logout (PostgreSQL)', () => {
  const clients: pg.Client[] = [];
  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    clients.push(client);
    return client;
  };
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
  });

  /** Waits until a backend of this database waits on a lock while running a query containing `marker`. */
  async function waitForLockWait(marker: string): Promise<void> {
    const watcher = await connect();
    for (let attempt = 0; attempt < 250; attempt++) {
      const { rows } = await watcher.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock' and position($1 in query) > 0 and pid <> pg_backend_pid()`,
        [marker],
      );
      if ((rows[0]?.n ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no backend waited on a lock running "${marker}"`);
  }

  it('a phase move committed while the cast waits for the cycle lock: the cast is refused, nothing is written', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const voter = await signedInVoter(cycle);
    const admin = await connect();
    await admin.query('begin');
    await admin.query('select id from cycles where id = $1 for update', [cycle.id]);
    await admin.query(`update cycles set phase = 'counting', phase_changed_at = now() where id = $1`, [cycle.id]);
    // The cast's read does not see the uncommitted move; its write waits for the row.
    const pending = cast(cycle.id, voter.auth, [{ potId: cycle.potA, projects: [cycle.a[0]] }]);
    await waitForLockWait('open_cycle');
    await admin.query('commit');
    expect(expectEnvelope(await pending, 409).message).toMatch(/counting phase/);
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: 0, participation: 0 });
  });

  it('a phase move that comes while the cast holds the cycle lock waits for it, and then sees the ballot', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const voter = await signedInVoter(cycle);
    // An uncommitted participation row of the same voter makes the cast's insert wait, with the
    // cycle already locked FOR SHARE by its statement.
    const blocker = await connect();
    await blocker.query('begin');
    await blocker.query(`insert into participation (cycle_id, user_id, channel, first_cast_at, last_cast_at) values ($1, $2, 'online', now(), now())`, [
      cycle.id,
      voter.id,
    ]);
    const pending = cast(cycle.id, voter.auth, [{ potId: cycle.potA, projects: [cycle.a[1]] }]);
    await waitForLockWait('open_cycle');
    const mover = await connect();
    await mover.query('begin');
    const moved = mover.query('select id /* phase move under test */ from cycles where id = $1 for update', [cycle.id]).then(async () => {
      // The lock is ours only after the cast committed: its ballot is there before the phase moves.
      const { rows } = await mover.query<{ n: number }>('select count(*)::int as n from ballots where cycle_id = $1', [cycle.id]);
      await mover.query(`update cycles set phase = 'counting', phase_changed_at = now() where id = $1`, [cycle.id]);
      await mover.query('commit');
      return rows[0]?.n;
    });
    await waitForLockWait('phase move under test');
    await blocker.query('rollback');
    const response = await pending;
    expect(response.status).toBe(200);
    expect(await moved).toBe(1);
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: 1, participation: 1 });
  });

  it('a rules change committed while the cast waits: the ballot is checked against the new rules', async () => {
    const cycle = await arrangeVotingCycle(t.db, { ballot: { kind: 'approval', maxCount: 2 } });
    const voter = await signedInVoter(cycle);
    const admin = await connect();
    await admin.query('begin');
    await admin.query('select id from cycles where id = $1 for update', [cycle.id]);
    await admin.query(`update cycles set ballot = '{"kind":"approval","maxCount":1}'::jsonb where id = $1`, [cycle.id]);
    const pending = cast(cycle.id, voter.auth, [{ potId: cycle.potA, projects: [cycle.a[0], cycle.a[1]] }]);
    await waitForLockWait('open_cycle');
    await admin.query('commit');
    expect(expectEnvelope(await pending, 422).message).toMatch(/at most 1/);
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: 0, participation: 0 });
    expect((await cast(cycle.id, voter.auth, [{ potId: cycle.potA, projects: [cycle.a[0]] }])).status).toBe(200);
  });

  it('a rules change that comes while the cast holds the cycle lock waits, then is refused by the freeze trigger', async () => {
    const cycle = await arrangeVotingCycle(t.db, { ballot: { kind: 'approval', maxCount: 2 } });
    const voter = await signedInVoter(cycle);
    const blocker = await connect();
    await blocker.query('begin');
    await blocker.query(`insert into participation (cycle_id, user_id, channel, first_cast_at, last_cast_at) values ($1, $2, 'online', now(), now())`, [
      cycle.id,
      voter.id,
    ]);
    const pending = cast(cycle.id, voter.auth, [{ potId: cycle.potA, projects: [cycle.a[0], cycle.a[1]] }]);
    await waitForLockWait('open_cycle');
    const admin = await connect();
    const change = admin
      .query(`update cycles /* rules change under test */ set ballot = '{"kind":"approval","maxCount":1}'::jsonb where id = $1`, [cycle.id])
      .then(
        () => 'changed',
        (error: { code?: string; constraint?: string }) => `${error.code ?? ''} ${error.constraint ?? ''}`,
      );
    await waitForLockWait('rules change under test');
    await blocker.query('rollback');
    expect((await pending).status).toBe(200);
    expect(await change).toBe('23514 cycles_ballot_frozen');
    const { rows } = await admin.query<{ ballot: unknown }>('select ballot from cycles where id = $1', [cycle.id]);
    expect(rows[0]?.ballot).toEqual({ kind: 'approval', maxCount: 2 });
  });

  it('first casts on two instances racing a phase move: each is counted or refused whole, none after the move', async () => {
    const second: FastifyInstance = await buildApp({
      config: testConfig(),
      database: createPostgresDatabase({ url: t.url ?? '', poolMax: 8, connectionTimeoutMs: 5_000, statementTimeoutMs: 15_000 }),
      closeDatabaseOnClose: true,
    });
    try {
      const cycle = await arrangeVotingCycle(t.db);
      const admin = await createAccount(t.db, { roles: ['admin'] });
      const adminAuth = bearer((await signIn(t.app, admin.email)).accessToken);
      const voters = await Promise.all(Array.from({ length: 40 }, () => signedInVoter(cycle)));
      // A stream of casts, alternating instances, with the phase move sent in the middle of it.
      const casts: Promise<supertest.Response>[] = [];
      let move: Promise<supertest.Response> | undefined;
      for (const [i, voter] of voters.entries()) {
        if (i === voters.length / 2) move = Promise.resolve(t.http().post(`/api/cycles/${cycle.id}/phase`).set(adminAuth).send({}));
        casts.push(
          Promise.resolve(
            supertest((i % 2 === 0 ? t.app : second).server)
              .put(`/api/cycles/${cycle.id}/ballot`)
              .set(voter.auth)
              .set('idempotency-key', `race-${i}`)
              .send({ selections: [{ potId: cycle.potA, projects: [cycle.a[i % 4]] }] }),
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 4));
      }
      const moved = await move;
      expect(moved?.status).toBe(200);
      expect(moved?.body.phase).toBe('counting');
      const answers = await Promise.all(casts);
      const accepted = answers.filter((answer) => answer.status === 200);
      for (const answer of answers.filter((a) => a.status !== 200)) expect(expectEnvelope(answer, 409).message).toMatch(/counting phase/);
      // Exactly the accepted casts are stored, each whole; a cast after the move changes nothing.
      expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: accepted.length, participation: accepted.length });
      const { rows } = await (await connect()).query<{ receipt: string }>('select receipt from ballots where cycle_id = $1', [cycle.id]);
      expect(rows.map((row) => row.receipt).sort()).toEqual(accepted.map((answer) => answer.body.receipt as string).sort());
      // Whichever path wrote them, every participation row carries the voters' ward.
      expect(await count(t.db, sql`participation where cycle_id = ${cycle.id} and ward_id = ${cycle.wardA}`)).toBe(accepted.length);
      const late = await signedInVoter(cycle);
      expectEnvelope(await cast(cycle.id, late.auth, [{ potId: cycle.potA, projects: [cycle.a[0]] }]), 409);
      expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: accepted.length, participation: accepted.length });
    } finally {
      await second.close();
    }
  });

  it('a logout or a role change committed while the cast waits: 401, nothing written', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    for (const end of [
      (voter: { id: string; sessionId: string }) => ({ text: `update session_families set revoked_at = now(), revoked_reason = 'logout' where id = $1`, values: [voter.sessionId] }),
      (voter: { id: string; sessionId: string }) => ({ text: 'update users set token_version = token_version + 1 where id = $1', values: [voter.id] }),
    ]) {
      const voter = await signedInVoter(cycle);
      const before = await votingRows(t.db, cycle.id);
      const admin = await connect();
      await admin.query('begin');
      await admin.query(end(voter));
      const pending = cast(cycle.id, voter.auth, [{ potId: cycle.potA, projects: [cycle.a[0]] }]);
      await waitForLockWait('open_cycle');
      await admin.query('commit');
      expectEnvelope(await pending, 401);
      expect(await votingRows(t.db, cycle.id)).toEqual(before);
    }
  });
});
