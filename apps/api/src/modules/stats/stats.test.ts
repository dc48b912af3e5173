import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CycleStats, type WardStats } from '@allot/shared';
import type { Principal } from '../../types';
import { createAccount, createSignedInAccount, expectEnvelope, useTestApp } from '../../../test/helpers';
import { castOnlineBallot } from '../ballots/ballots.service';
import { arrangeVotingCycle, isoDay, type VotingCycle } from '../ballots/test-fixtures';
import { setPhase } from '../cycles/cycles.repository';
import { arrangeCycle } from '../cycles/test-fixtures';
import { arrangeResult } from '../implementation/test-fixtures';
import { enterPaperBallot, verifyWard } from '../paper-ballots/paper-ballots.service';
import { findWardById } from '../wards/wards.repository';

const t = useTestApp();
const DAY = 24 * 60 * 60 * 1000;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Auth = { authorization: string };

let cycle: VotingCycle;
let clerk: Principal;
let admin: Auth;
let staff: Auth;
let resident: Auth;
/** Holds ward A only. */
let councillorA: Auth;
/** Holds both wards. */
let councillorAB: Auth;
const today = isoDay(new Date());
const yesterday = isoDay(new Date(Date.now() - DAY));

const secret = () => t.app.config.ballotSecret ?? '';

/** A resident of `wardId`; a null `birthYear` is a resident who gave none. */
async function newVoter(wardId: string | null, birthYear: number | null) {
  const voter = await createAccount(t.db, { homeWardId: wardId, birthYear });
  return voter;
}

async function voteOnline(cycleId: string, potId: string, projectId: string, wardId: string, birthYear: number | null, when: Date) {
  const voter = await newVoter(wardId, birthYear);
  const principal: Principal = { userId: voter.id, roles: ['resident'], sessionId: randomUUID() };
  await castOnlineBallot(t.db, secret(), principal, { cycleId, selections: [{ potId, projects: [projectId] }] }, when);
  return voter.id;
}

async function votePaper(cycleId: string, potId: string, projectId: string, wardId: string | null, birthYear: number | null) {
  const voter = await newVoter(wardId, birthYear);
  await enterPaperBallot(t.db, secret(), clerk, 'test', cycleId, { userId: voter.id, selections: [{ potId, projects: [projectId] }] });
  return voter.id;
}

beforeAll(async () => {
  admin = (await createSignedInAccount(t, { roles: ['admin'] })).auth;
  const staffMember = await createSignedInAccount(t, { roles: ['staff'] });
  staff = staffMember.auth;
  clerk = { userId: staffMember.id, roles: ['staff'], sessionId: randomUUID() };
  resident = (await createSignedInAccount(t, { roles: ['resident'] })).auth;

  // No minimum age, so residents who gave no birth year can vote; ages are taken in 2027.
  cycle = await arrangeVotingCycle(t.db, { eligibility: { wardEstablishment: 'self-declared', ageOnDate: '2027-05-03' } });
  councillorA = (await createSignedInAccount(t, { roles: ['councillor'], councillorWardIds: [cycle.wardA] })).auth;
  councillorAB = (await createSignedInAccount(t, { roles: ['councillor'], councillorWardIds: [cycle.wardA, cycle.wardB] })).auth;
  await t.db.execute(sql`update wards set population = 1000, population_by_age = ${JSON.stringify({ '18-24': 200, '25-34': 300, '65-74': 400 })}::jsonb where id = ${cycle.wardA}`);
  await t.db.execute(sql`update wards set population = 500 where id = ${cycle.wardB}`);

  const a0 = cycle.a[0] ?? '';
  const noon = new Date(`${yesterday}T12:00:00Z`);
  // Ward A: 9 online yesterday (born 1995: 25-34), 12 paper today (10 born 1960: 65-74; 2 gave no year).
  for (let i = 0; i < 9; i++) await voteOnline(cycle.id, cycle.potA, a0, cycle.wardA, 1995, noon);
  for (let i = 0; i < 10; i++) await votePaper(cycle.id, cycle.potA, a0, cycle.wardA, 1960);
  for (let i = 0; i < 2; i++) await votePaper(cycle.id, cycle.potA, a0, cycle.wardA, null);
  // Ward B: 3 online today.
  for (let i = 0; i < 3; i++) await voteOnline(cycle.id, cycle.potB, cycle.b[0] ?? '', cycle.wardB, 1980, new Date());

  await arrangeResult(
    t.db,
    cycle.id,
    [
      {
        potId: cycle.potA,
        budget: 50_000,
        projects: [
          { id: a0, cost: 10_000, votes: 21, funded: true, title: '=HYPERLINK("http://evil.example","Benches")' },
          { id: cycle.a[1] ?? '', cost: 15_000, votes: 0, funded: false },
        ],
      },
    ],
    { published: false },
  );
});

async function statsAs(auth: Auth | Record<string, never>, cycleId = cycle.id) {
  return t.http().get(`/api/cycles/${cycleId}/stats`).set(auth);
}

async function wardsAs(auth: Auth): Promise<WardStats[]> {
  const response = await statsAs(auth);
  expect(response.status).toBe(200);
  return CycleStats.parse(response.body).wards;
}

describe('GET /api/cycles/:id/stats: who sees what', () => {
  it('shows a councillor only the wards they hold', async () => {
    expect((await wardsAs(councillorA)).map((ward) => ward.wardId)).toEqual([cycle.wardA]);
    expect((await wardsAs(councillorAB)).map((ward) => ward.wardId).sort()).toEqual([cycle.wardA, cycle.wardB].sort());
  });

  it('shows an admin every ward of the cycle (never the city-wide pot as a ward)', async () => {
    const wards = await wardsAs(admin);
    expect(wards.map((ward) => ward.wardId).sort()).toEqual([cycle.wardA, cycle.wardB].sort());
    expect(wards.map((ward) => ward.potId).sort()).toEqual([cycle.potA, cycle.potB].sort());
  });

  it('shows a councillor of no ward in the cycle no wards', async () => {
    const other = await createSignedInAccount(t, { roles: ['councillor'], councillorWardIds: [(await arrangeCycle(t.db)).wardIds[0] ?? ''] });
    expect(await wardsAs(other.auth)).toEqual([]);
  });

  it('refuses residents and staff with 403 and a signed-out caller with 401', async () => {
    expectEnvelope(await statsAs(resident), 403);
    expectEnvelope(await statsAs(staff), 403);
    expectEnvelope(await statsAs({}), 401);
  });

  it('answers 404 for a draft cycle (even to an admin) and an unknown one, 400 for a bad id', async () => {
    const draft = await arrangeCycle(t.db, { phase: 'draft' });
    expectEnvelope(await statsAs(admin, draft.id), 404);
    expectEnvelope(await statsAs(councillorA, UNKNOWN), 404);
    expectEnvelope(await t.http().get('/api/cycles/riverside/stats').set(admin), 400);
  });
});

describe('GET /api/cycles/:id/stats: the figures', () => {
  let a: WardStats;
  let b: WardStats;
  beforeAll(async () => {
    const wards = await wardsAs(admin);
    a = wards.find((ward) => ward.wardId === cycle.wardA) as WardStats;
    b = wards.find((ward) => ward.wardId === cycle.wardB) as WardStats;
  });

  it('counts the ward’s voters and the turnout against its population', () => {
    expect(a).toMatchObject({ population: 1000, ballots: 21, turnout: 0.021 });
  });

  it('hides 9 online ballots, and then the 12 paper ones that would give them away', () => {
    expect(a.byChannel).toEqual({ online: null, paper: null });
  });

  it('lists every day of the window up to today, hiding small days the same way', () => {
    expect(a.byDay).toEqual([
      { date: yesterday, ballots: null },
      { date: today, ballots: null },
    ]);
  });

  it('counts age bands at the cycle’s age date, with turnout against the population by age', () => {
    const band = (name: string) => a.byAgeBand.find((row) => row.band === name);
    expect(a.byAgeBand.map((row) => row.band)).toEqual(['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-plus', 'not-given']);
    expect(band('65-74')).toMatchObject({ label: '65 to 74', ballots: 10, population: 400, turnout: 0.025 });
    expect(band('25-34')).toMatchObject({ ballots: null, population: 300, turnout: null });
    expect(band('not-given')).toMatchObject({ ballots: null, population: null, turnout: null });
    expect(band('18-24')).toMatchObject({ ballots: 0, population: 200, turnout: 0 });
    expect(band('75-plus')).toMatchObject({ ballots: 0, population: null, turnout: null });
  });

  it('hides a ward total under 10 and its turnout, while zeros stay zero', () => {
    expect(b).toMatchObject({ population: 500, ballots: null, turnout: null });
    expect(b.byChannel).toEqual({ online: null, paper: 0 });
    expect(b.byDay).toEqual([
      { date: yesterday, ballots: 0 },
      { date: today, ballots: null },
    ]);
    expect(b.byAgeBand.find((row) => row.band === '45-54')?.ballots).toBeNull();
    expect(b.byAgeBand.find((row) => row.band === '18-24')?.ballots).toBe(0);
  });

  it('counts the pot’s proposals by status without hiding small numbers', () => {
    expect(a.proposals.total).toBe(6);
    expect(a.proposals.byStatus).toMatchObject({ feasible: 4, not_feasible: 1, withdrawn: 1, submitted: 0 });
  });

  it('gives the stored count of the ward pot, or null before it is counted', () => {
    expect(a.results).toEqual({
      status: 'tallied',
      budget: 50_000,
      spent: 10_000,
      funded: [{ id: cycle.a[0], title: '=HYPERLINK("http://evil.example","Benches")', cost: 10_000, votes: 21 }],
    });
    expect(b.results).toBeNull();
  });
});

describe('voters’ wards', () => {
  it('counts a voter in their verified ward when the cycle requires verification', async () => {
    const verified = await arrangeVotingCycle(t.db, { eligibility: { wardEstablishment: 'verified' } });
    for (let i = 0; i < 10; i++) {
      // Home ward B, verified by staff as ward A: they vote, and count, in A.
      const voter = await createAccount(t.db, { homeWardId: verified.wardB });
      await verifyWard(t.db, clerk, 'test', voter.id, verified.wardA);
      await enterPaperBallot(t.db, secret(), clerk, 'test', verified.id, { userId: voter.id, selections: [{ potId: verified.potA, projects: [verified.a[0] ?? ''] }] });
    }
    const wards = CycleStats.parse((await statsAs(admin, verified.id)).body).wards;
    expect(wards.find((ward) => ward.wardId === verified.wardA)).toMatchObject({ ballots: 10, byChannel: { online: 0, paper: 10 } });
    expect(wards.find((ward) => ward.wardId === verified.wardB)).toMatchObject({ ballots: 0, turnout: 0 });
  });
});

describe('a voter who moves after voting', () => {
  let moving: VotingCycle;
  const online: string[] = [];
  const paper: string[] = [];
  const ballotsByWard = async () => {
    const wards = CycleStats.parse((await statsAs(admin, moving.id)).body).wards;
    return Object.fromEntries(wards.map((ward) => [ward.wardId, ward.ballots]));
  };
  beforeAll(async () => {
    moving = await arrangeVotingCycle(t.db, { eligibility: { wardEstablishment: 'self-declared' } });
    const a0 = moving.a[0] ?? '';
    // 10 online voters of ward A (home ward); 10 paper voters living in B whom staff verified in A.
    for (let i = 0; i < 10; i++) online.push(await voteOnline(moving.id, moving.potA, a0, moving.wardA, 1980, new Date()));
    for (let i = 0; i < 10; i++) {
      const voter = await createAccount(t.db, { homeWardId: moving.wardB });
      await verifyWard(t.db, clerk, 'test', voter.id, moving.wardA);
      await enterPaperBallot(t.db, secret(), clerk, 'test', moving.id, { userId: voter.id, selections: [{ potId: moving.potA, projects: [a0] }] });
      paper.push(voter.id);
    }
  });

  it('stays counted in the ward they voted as, while voting is open and once it has closed', async () => {
    expect(await ballotsByWard()).toEqual({ [moving.wardA]: 20, [moving.wardB]: 0 });
    // Staff now verify the paper voters in ward B (through the API)...
    for (const id of paper) expect((await t.http().post(`/api/users/${id}/ward-verification`).set(staff).send({ wardId: moving.wardB })).status).toBe(200);
    expect(await ballotsByWard()).toEqual({ [moving.wardA]: 20, [moving.wardB]: 0 });
    // ...and after the close the online voters move home to ward B (no API changes a home ward yet).
    await setPhase(t.db, moving.id, 'counting');
    for (const id of online) await t.db.execute(sql`update users set home_ward_id = ${moving.wardB} where id = ${id}`);
    expect(await ballotsByWard()).toEqual({ [moving.wardA]: 20, [moving.wardB]: 0 });
  });

  it('reads the current ward only for a participation row without a stored one (from before it was stored)', async () => {
    await t.db.execute(sql`update participation set ward_id = null where cycle_id = ${moving.id} and user_id in (${sql.join(online.map((id) => sql`${id}`), sql`, `)})`);
    expect(await ballotsByWard()).toEqual({ [moving.wardA]: 10, [moving.wardB]: 10 });
  });
});

describe('GET /api/cycles/:id/stats.csv', () => {
  const csvAs = (auth: Auth | Record<string, never>, query = '') => t.http().get(`/api/cycles/${cycle.id}/stats.csv${query}`).set(auth).buffer(true);
  const lines = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

  it('downloads the councillor’s wards as a spreadsheet-ready CSV', async () => {
    const response = await csvAs(councillorA);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="allot-stats-riverside-2027\.csv"$/);
    const rows = lines(response.text);
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toBe('Ward,Ward code,Measure,Breakdown,Value');
    const wardA = await findWardById(t.db, cycle.wardA);
    const ward = `${wardA?.name ?? ''},${wardA?.code ?? ''}`;
    expect(rows).toContain(`${ward},Population,All residents,1000`);
    expect(rows).toContain(`${ward},Ballots,All,21`);
    expect(rows).toContain(`${ward},Turnout,All,2.10%`);
    expect(rows).toContain(`${ward},Ballots by channel,Online,fewer than 10`);
    expect(rows).toContain(`${ward},Ballots by channel,Paper,fewer than 10`);
    expect(rows).toContain(`${ward},Ballots by day first cast (UTC),${yesterday},fewer than 10`);
    expect(rows).toContain(`${ward},Ballots by age band,65 to 74,10`);
    expect(rows).toContain(`${ward},Turnout by age band,65 to 74,2.50%`);
    expect(rows).toContain(`${ward},Population by age band,75 and over,not entered`);
    expect(rows).toContain(`${ward},Proposals by status,Not feasible,1`);
    expect(rows).toContain(`${ward},Result,Status,"counted, not yet published"`);
    expect(rows.every((row) => row === rows[0] || row.startsWith(ward))).toBe(true);
  });

  it('keeps a project title that looks like a formula as text', async () => {
    const rows = lines((await csvAs(admin, `?ward=${cycle.wardA}`)).text);
    const funded = rows.find((row) => row.includes('Funded project cost'));
    expect(funded).toContain(`,"'=HYPERLINK(""http://evil.example"",""Benches"")",10000`);
    expect(rows.some((row) => /,=/.test(row) || /,"=/.test(row))).toBe(false);
  });

  it('narrows to one ward with ?ward= and names the file after it', async () => {
    const wardB = await findWardById(t.db, cycle.wardB);
    const response = await csvAs(councillorAB, `?ward=${cycle.wardB}`);
    expect(response.status).toBe(200);
    const rows = lines(response.text);
    expect(rows.slice(1).every((row) => row.startsWith(`${wardB?.name ?? ''},${wardB?.code ?? ''},`))).toBe(true);
    expect(rows).toContain(`${wardB?.name ?? ''},${wardB?.code ?? ''},Ballots,All,fewer than 10`);
    expect(rows).toContain(`${wardB?.name ?? ''},${wardB?.code ?? ''},Turnout,All,not available`);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="allot-stats-riverside-2027-${(wardB?.code ?? '').toLowerCase()}.csv"`);
  });

  it('refuses a councillor asking for a ward they do not hold (403), residents and staff (403), signed out (401)', async () => {
    expectEnvelope(await csvAs(councillorA, `?ward=${cycle.wardB}`), 403);
    expectEnvelope(await csvAs(resident), 403);
    expectEnvelope(await csvAs(staff, `?ward=${cycle.wardA}`), 403);
    expectEnvelope(await csvAs({}), 401);
  });

  it('answers 404 for an unknown ward or one not in the cycle, 400 for a bad query', async () => {
    expectEnvelope(await csvAs(admin, `?ward=${UNKNOWN}`), 404);
    const elsewhere = (await arrangeCycle(t.db)).wardIds[0] ?? '';
    expectEnvelope(await csvAs(admin, `?ward=${elsewhere}`), 404);
    expect(expectEnvelope(await csvAs(admin, '?ward=north'), 400).issues?.[0]?.path).toBe('ward');
    expectEnvelope(await csvAs(admin, `?ward=${cycle.wardA}&format=xlsx`), 400);
  });
});

describe('OpenAPI', () => {
  it('documents the stats routes, the CSV one as text/csv', async () => {
    const paths = (await t.http().get('/api/docs/json')).body.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
    expect(paths['/api/cycles/{id}/stats']?.get?.responses['200']?.content).toHaveProperty(['application/json']);
    expect(Object.keys(paths['/api/cycles/{id}/stats.csv']?.get?.responses['200']?.content ?? {})).toEqual(['text/csv']);
  });
});
