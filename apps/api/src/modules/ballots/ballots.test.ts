import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { count, createAccount, expectEnvelope, signIn, bearer, useTestApp } from '../../../test/helpers';
import { certainlyOldEnough, closedReason } from './ballot-rules';
import { findParticipation, upsertOnlineParticipation } from './ballots.repository';
import { castOnlineBallot } from './ballots.service';
import { arrangeVoter, arrangeVotingCycle, isoDay, participationWard, votingRows, type VotingCycle, type Voter } from './test-fixtures';

const t = useTestApp();

const put = (cycleId: string, voter: Voter, body: unknown, headers: Record<string, string> = {}) =>
  t.http().put(`/api/cycles/${cycleId}/ballot`).set(voter.auth).set(headers).send(body as object);

/** Sends `body`, expects the status and an envelope, and that no voting row changed. */
async function expectRefused(cycleId: string, voter: Voter, body: unknown, status: number, message?: RegExp) {
  const before = await votingRows(t.db, cycleId);
  const response = await put(cycleId, voter, body);
  const envelope = expectEnvelope(response, status);
  if (message !== undefined) expect(envelope.message).toMatch(message);
  expect(await votingRows(t.db, cycleId)).toEqual(before);
  return envelope;
}

describe('approval ballots', () => {
  let cycle: VotingCycle;
  let voter: Voter;
  beforeAll(async () => {
    cycle = await arrangeVotingCycle(t.db, { ballot: { kind: 'approval', minCount: 1, maxCount: 2 } });
    voter = await arrangeVoter(t, { wardId: cycle.wardA });
  });

  it('shows the voter their pots, the ballot projects at the staff cost and no ballot yet', async () => {
    const response = await t.http().get(`/api/cycles/${cycle.id}/ballot`).set(voter.auth);
    expect(response.status).toBe(200);
    expect(response.body.open).toBe(true);
    expect(response.body.eligibility).toMatchObject({ eligible: true, reasons: [] });
    expect(response.body.settings).toEqual({ kind: 'approval', minCount: 1, maxCount: 2 });
    const pots = response.body.pots as { potId: string; projects: { id: string; cost: number }[] }[];
    expect(pots.map((pot) => pot.potId).sort()).toEqual([cycle.potA, cycle.cityPot].sort());
    const potA = pots.find((pot) => pot.potId === cycle.potA);
    expect(potA?.projects.map((project) => project.id).sort()).toEqual([...cycle.a].sort());
    expect(potA?.projects.map((project) => project.cost).sort((x, y) => x - y)).toEqual([10_000, 15_000, 20_000, 30_000]);
    expect(response.body.current).toBeNull();
  });

  it('casts a ballot and returns a receipt, the cast time and the canonical selections', async () => {
    const response = await put(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[1], cycle.a[0]] }] });
    expect(response.status).toBe(200);
    expect(response.body.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(response.body.selections).toEqual([{ potId: cycle.potA, projects: [cycle.a[0], cycle.a[1]].sort() }]);
    expect(response.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(response.body.castAt as string)).not.toBeNaN();
    const mine = await t.http().get(`/api/cycles/${cycle.id}/ballot`).set(voter.auth);
    expect(mine.body.current).toMatchObject({ channel: 'online', receipt: response.body.receipt, selections: response.body.selections });
  });

  it('stores no user id in the ballots table and keeps participation apart', async () => {
    const columns = await t.db.execute(sql`select column_name from information_schema.columns where table_name = 'ballots'`);
    const names = ((Array.isArray(columns) ? columns : (columns as { rows: unknown[] }).rows) as { column_name: string }[]).map((c) => c.column_name);
    expect(names.sort()).toEqual(['content_hash', 'cycle_id', 'receipt', 'selections', 'voter_token']);
    expect(await count(t.db, sql`ballots where voter_token = ${voter.id}`)).toBe(0);
  });

  it('replaces the ballot on a re-cast: the last one counts and there is exactly one row', async () => {
    const first = await put(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[2]] }] });
    const second = await put(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[3]] }, { potId: cycle.cityPot, projects: [cycle.city[0]] }] });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.receipt).not.toBe(first.body.receipt);
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: 1, participation: 1 });
    const mine = await t.http().get(`/api/cycles/${cycle.id}/ballot`).set(voter.auth);
    expect(mine.body.current.receipt).toBe(second.body.receipt);
    expect(mine.body.current.selections).toEqual(second.body.selections);
    expect(await count(t.db, sql`ballots where receipt = ${first.body.receipt as string}`)).toBe(0);
  });

  it('rejects more than the maximum number of projects', async () => {
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: cycle.a.slice(0, 3) }] }, 422, /at most 2/);
  });

  it('rejects fewer than the minimum number of projects', async () => {
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [] }] }, 422, /at least 1/);
  });

  it('rejects a project chosen twice', async () => {
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[0], cycle.a[0]] }] }, 400, /only once/);
  });

  it('rejects a pot listed twice', async () => {
    const body = { selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }, { potId: cycle.potA, projects: [cycle.a[1]] }] };
    await expectRefused(cycle.id, voter, body, 400, /only once/);
  });

  it('rejects a not-feasible, a withdrawn, or another pot’s project', async () => {
    for (const project of [cycle.notFeasibleA, cycle.withdrawnA, cycle.city[0]]) {
      await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [project] }] }, 400, /not on the ballot/);
    }
  });

  it('rejects a vote in another ward’s pot', async () => {
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potB, projects: [cycle.b[0]] }] }, 400, /cannot vote in this pot/);
  });

  it('rejects a ballot of the wrong shape for the kind, an empty ballot and unknown fields', async () => {
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, ranking: [cycle.a[0]] }] }, 400, /approval ballot/);
    await expectRefused(cycle.id, voter, { selections: [] }, 400);
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[0]], extra: 1 }] }, 400);
    await expectRefused(cycle.id, voter, { selections: [{ potId: 'nope', projects: [] }] }, 400);
  });

  it('refuses a signed-out caller and an unknown cycle', async () => {
    expectEnvelope(await t.http().put(`/api/cycles/${cycle.id}/ballot`).send({ selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] }), 401);
    expectEnvelope(await put('00000000-0000-4000-8000-000000000000', voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] }), 404);
  });
});

describe('knapsack, cumulative and ranked limits', () => {
  it('knapsack: refuses a total over the pot budget and under the minimum spend, accepts one that fits', async () => {
    const cycle = await arrangeVotingCycle(t.db, { ballot: { kind: 'knapsack', minSpend: { unit: 'percent', value: 40 } } });
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    // pot budget 50,000: 10k + 15k + 30k = 55k is over; 15k alone is under 40% (20k)
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[0], cycle.a[1], cycle.a[3]] }] }, 422, /more than the 50000 budget/);
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[1]] }] }, 422, /at least 20000/);
    const ok = await put(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[0], cycle.a[1], cycle.a[2]] }] });
    expect(ok.status).toBe(200);
  });

  it('cumulative: refuses more points than available and over the per-project cap', async () => {
    const cycle = await arrangeVotingCycle(t.db, { ballot: { kind: 'cumulative', points: 5, perProjectCap: 3 } });
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const [p0 = '', p1 = '', p2 = ''] = cycle.a;
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, points: { [p0]: 3, [p1]: 2, [p2]: 1 } }] }, 422, /you have 5/);
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, points: { [p0]: 4 } }] }, 422, /at most 3 points/);
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, points: { [p0]: 0 } }] }, 400);
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [p0] }] }, 400, /cumulative/);
    const ok = await put(cycle.id, voter, { selections: [{ potId: cycle.potA, points: { [p1]: 2, [p0]: 3 } }] });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body.selections[0].points as object)).toEqual([p0, p1].sort());
  });

  it('ranked: refuses more ranks than allowed and a repeated project, keeps the order', async () => {
    const cycle = await arrangeVotingCycle(t.db, { ballot: { kind: 'ranked', maxRanks: 2 } });
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const [p0 = '', p1 = '', p2 = ''] = cycle.a;
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, ranking: [p0, p1, p2] }] }, 422, /at most 2/);
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, ranking: [p0, p0] }] }, 400, /only once/);
    const ok = await put(cycle.id, voter, { selections: [{ potId: cycle.potA, ranking: [p2, p0] }] });
    expect(ok.status).toBe(200);
    expect(ok.body.selections).toEqual([{ potId: cycle.potA, ranking: [p2, p0] }]);
  });
});

describe('eligibility', () => {
  let cycle: VotingCycle;
  beforeAll(async () => {
    cycle = await arrangeVotingCycle(t.db, { eligibility: { wardEstablishment: 'self-declared', minAge: 16, ageOnDate: '2027-05-03' } });
  });
  const body = () => ({ selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] });

  it('refuses a resident who may be under the minimum age on the age date', async () => {
    const young = await arrangeVoter(t, { wardId: cycle.wardA, birthYear: 2011 });
    await expectRefused(cycle.id, young, body(), 403, /at least 16 on 2027-05-03/);
    const mine = await t.http().get(`/api/cycles/${cycle.id}/ballot`).set(young.auth);
    expect(mine.body.eligibility.eligible).toBe(false);
    expect(mine.body.pots).toEqual([]);
  });

  it('accepts a resident certainly old enough and refuses one with no birth year', async () => {
    const old = await arrangeVoter(t, { wardId: cycle.wardA, birthYear: 2010 });
    expect((await put(cycle.id, old, body())).status).toBe(200);
    const unknown = await arrangeVoter(t, { wardId: cycle.wardA, birthYear: null });
    await expectRefused(cycle.id, unknown, body(), 403, /birth year/);
  });

  it('refuses a resident with no home ward', async () => {
    const nowhere = await arrangeVoter(t, { wardId: null });
    await expectRefused(cycle.id, nowhere, { selections: [{ potId: cycle.cityPot, projects: [cycle.city[0]] }] }, 403, /home ward/);
  });

  it('decides age conservatively from the birth year alone', () => {
    expect(certainlyOldEnough(2010, 16, '2026-12-30')).toBe(false);
    expect(certainlyOldEnough(2010, 16, '2026-12-31')).toBe(true);
    expect(certainlyOldEnough(2010, 16, '2027-01-01')).toBe(true);
  });

  it('requires a staff-verified ward when the cycle says so, and uses the verified ward', async () => {
    const strict = await arrangeVotingCycle(t.db, { eligibility: { wardEstablishment: 'verified' } });
    const resident = await arrangeVoter(t, { wardId: strict.wardA });
    const staff = await arrangeVoter(t, { wardId: null, roles: ['staff'] });
    const strictBody = { selections: [{ potId: strict.potB, projects: [strict.b[0]] }] };
    await expectRefused(strict.id, resident, strictBody, 403, /verified/);
    const verify = await t.http().post(`/api/users/${resident.id}/ward-verification`).set(staff.auth).send({ wardId: strict.wardB });
    expect(verify.status).toBe(200);
    // verified in ward B (the declared ward A no longer counts)
    await expectRefused(strict.id, resident, { selections: [{ potId: strict.potA, projects: [strict.a[0]] }] }, 400, /cannot vote in this pot/);
    expect((await put(strict.id, resident, strictBody)).status).toBe(200);
  });
});

describe('the voting window and phase', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a cast outside the voting phase', async () => {
    const cycle = await arrangeVotingCycle(t.db, { phase: 'feasibility' });
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] }, 409, /feasibility phase/);
    expectEnvelope(await t.http().get(`/api/cycles/${cycle.id}/ballot`).set(voter.auth), 409);
  });

  it('accepts a cast in the last second of the window and refuses one a second after the scheduled close', async () => {
    const today = new Date();
    const schedule = { voting: { start: isoDay(new Date(today.getTime() - 3 * 86_400_000)), end: isoDay(today) } };
    const cycle = await arrangeVotingCycle(t.db, { schedule });
    const close = new Date(`${isoDay(new Date(today.getTime() + 86_400_000))}T00:00:00Z`);
    expect(closedReason('voting', schedule, new Date(close.getTime() - 1000))).toBeNull();
    expect(closedReason('voting', schedule, close)).toMatch(/closed/);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(close.getTime() - 1000));
    const early = await arrangeVoter(t, { wardId: cycle.wardA });
    expect((await put(cycle.id, early, { selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] })).status).toBe(200);
    vi.setSystemTime(new Date(close.getTime() + 1000));
    const late = await arrangeVoter(t, { wardId: cycle.wardA });
    await expectRefused(cycle.id, late, { selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] }, 409, /Voting closed/);
    const mine = await t.http().get(`/api/cycles/${cycle.id}/ballot`).set(late.auth);
    expect(mine.body.open).toBe(false);
  });

  it('refuses a cast before the window opens', async () => {
    const cycle = await arrangeVotingCycle(t.db, { schedule: { voting: { start: '2099-01-01', end: '2099-01-31' } } });
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] }, 409, /opens on 2099-01-01/);
  });
});

describe('idempotent retries', () => {
  it('answers a retry with the same key and body as the first time, and refuses the key with another body', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const body = { selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] };
    const first = await put(cycle.id, voter, body, { 'idempotency-key': 'retry-1' });
    expect(first.status).toBe(200);
    const again = await put(cycle.id, voter, body, { 'idempotency-key': 'retry-1' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const before = await votingRows(t.db, cycle.id);
    const other = await put(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[1]] }] }, { 'idempotency-key': 'retry-1' });
    expect(expectEnvelope(other, 422).message).toMatch(/Idempotency-Key/);
    expect(await votingRows(t.db, cycle.id)).toEqual(before);
    const mine = await t.http().get(`/api/cycles/${cycle.id}/ballot`).set(voter.auth);
    expect(mine.body.current.receipt).toBe(first.body.receipt);
    expectEnvelope(await put(cycle.id, voter, body, { 'idempotency-key': 'bad key with spaces' }), 400);
  });
});

describe('frozen rules', () => {
  it('refuses changing the ballot or tally rules once the cycle holds a ballot, and allows it before', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const admin = await createAccount(t.db, { roles: ['admin'] });
    const { accessToken } = await signIn(t.app, admin.email);
    const patch = (changes: object) => t.http().patch(`/api/cycles/${cycle.id}`).set(bearer(accessToken)).send(changes);
    expect((await patch({ ballot: { kind: 'approval', maxCount: 3 } })).status).toBe(200);
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    expect((await put(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] })).status).toBe(200);
    const refused = expectEnvelope(await patch({ ballot: { kind: 'approval', maxCount: 1 } }), 409);
    expect(refused.message).toMatch(/frozen/);
    expectEnvelope(await patch({ tally: { rule: 'phragmen', tieBreak: ['id'] } }), 409);
    const read = await t.http().get(`/api/cycles/${cycle.id}`).set(bearer(accessToken));
    expect(read.body.ballot).toEqual({ kind: 'approval', maxCount: 3 });
    expect((await patch({ name: 'Renamed while voting' })).status).toBe(200);
  });
});

describe('the ward a voter voted as, on the participation row', () => {
  let cycle: VotingCycle;
  let staff: Voter;
  beforeAll(async () => {
    cycle = await arrangeVotingCycle(t.db);
    staff = await arrangeVoter(t, { wardId: null, roles: ['staff'] });
  });
  const verify = async (userId: string, wardId: string) => {
    expect((await t.http().post(`/api/users/${userId}/ward-verification`).set(staff.auth).send({ wardId })).status).toBe(200);
  };

  it('a first cast through the API (the two-round-trip path) records the voter’s ward', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    expect((await put(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] })).status).toBe(200);
    expect(await participationWard(t.db, cycle.id, voter.id)).toBe(cycle.wardA);
  });

  it('records the staff-verified ward over the declared one, as eligibility decides', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    await verify(voter.id, cycle.wardB);
    expect((await put(cycle.id, voter, { selections: [{ potId: cycle.potB, projects: [cycle.b[0]] }] })).status).toBe(200);
    expect(await participationWard(t.db, cycle.id, voter.id)).toBe(cycle.wardB);
  });

  it('a first cast through the transactional path records the ward too', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardB });
    const principal = { userId: voter.id, roles: ['resident' as const], sessionId: '' };
    const before = await votingRows(t.db, cycle.id);
    await castOnlineBallot(t.db, t.app.config.ballotSecret ?? '', principal, { cycleId: cycle.id, selections: [{ potId: cycle.potB, projects: [cycle.b[1] ?? ''] }] });
    expect(await participationWard(t.db, cycle.id, voter.id)).toBe(cycle.wardB);
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: before.ballots + 1, participation: before.participation + 1 });
  });

  it('the participation upsert of the transactional path writes the ward when it inserts and when it updates', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const at = new Date();
    expect(await upsertOnlineParticipation(t.db, cycle.id, { userId: voter.id, wardId: cycle.wardA, at })).toEqual({ channel: 'online', inserted: true });
    expect(await participationWard(t.db, cycle.id, voter.id)).toBe(cycle.wardA);
    const later = new Date(at.getTime() + 60_000);
    expect(await upsertOnlineParticipation(t.db, cycle.id, { userId: voter.id, wardId: cycle.wardB, at: later })).toEqual({ channel: 'online', inserted: false });
    expect(await findParticipation(t.db, cycle.id, voter.id)).toMatchObject({ wardId: cycle.wardB, firstCastAt: at, lastCastAt: later });
    await t.db.execute(sql`delete from participation where cycle_id = ${cycle.id} and user_id = ${voter.id}`);
  });

  it('a re-cast after a move records the ward of the ballot that now counts; a refused one changes nothing', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    expect((await put(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] })).status).toBe(200);
    const first = await findParticipation(t.db, cycle.id, voter.id);
    expect(first?.wardId).toBe(cycle.wardA);
    // A re-cast from the same ward keeps it.
    expect((await put(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[1]] }] })).status).toBe(200);
    expect(await participationWard(t.db, cycle.id, voter.id)).toBe(cycle.wardA);

    // The resident moves to ward B (there is no API to change one's home ward yet).
    await t.db.execute(sql`update users set home_ward_id = ${cycle.wardB} where id = ${voter.id}`);
    await expectRefused(cycle.id, voter, { selections: [{ potId: cycle.potA, projects: [cycle.a[2]] }] }, 400, /cannot vote in this pot/);
    expect(await participationWard(t.db, cycle.id, voter.id)).toBe(cycle.wardA);

    const moved = await put(cycle.id, voter, { selections: [{ potId: cycle.potB, projects: [cycle.b[0]] }] });
    expect(moved.status).toBe(200);
    const after = await findParticipation(t.db, cycle.id, voter.id);
    expect(after).toMatchObject({ wardId: cycle.wardB, channel: 'online', firstCastAt: first?.firstCastAt });
    expect(after?.lastCastAt.getTime()).toBeGreaterThanOrEqual(first?.lastCastAt.getTime() ?? Infinity);
    expect(await count(t.db, sql`participation where cycle_id = ${cycle.id} and user_id = ${voter.id}`)).toBe(1);
    const mine = await t.http().get(`/api/cycles/${cycle.id}/ballot`).set(voter.auth);
    expect(mine.body.current.selections).toEqual([{ potId: cycle.potB, projects: [cycle.b[0]] }]);
  });
});
