import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Cycle, CycleList } from '@allot/shared';
import { auditLog, cycles, pots, proposals } from '../../db/schema';
import { count, createWard, expectEnvelope, useTestApp } from '../../../test/helpers';
import { addSupport } from '../deliberation/deliberation.repository';
import { arrangeCast, arrangeCycle, arrangeProposal, arrangeResident, CALLERS, cycleInput, type Cast } from './test-fixtures';

const t = useTestApp();
let cast: Cast;
let wardIds: string[];

beforeAll(async () => {
  wardIds = [(await createWard(t.db)).id, (await createWard(t.db)).id];
  cast = await arrangeCast(t, wardIds[0] ?? '');
});

const cycleCount = () => count(t.db, sql`${cycles}`);
const potCount = () => count(t.db, sql`${pots}`);

describe('GET /api/cycles and /api/cycles/:id', () => {
  it('shows open cycles to everyone and drafts to admins only', async () => {
    const draft = await arrangeCycle(t.db, { wardIds });
    const open = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
    for (const caller of CALLERS) {
      const list = CycleList.parse((await t.http().get('/api/cycles').set(cast[caller].auth)).body);
      const ids = list.cycles.map((cycle) => cycle.id);
      expect(ids).toContain(open.id);
      expect(ids.includes(draft.id)).toBe(caller === 'admin');
      const one = await t.http().get(`/api/cycles/${draft.id}`).set(cast[caller].auth);
      if (caller === 'admin') expect(one.status).toBe(200);
      else expectEnvelope(one, 404);
    }
  });

  it('answers one cycle with pots, rounds, schedule and what residents can do now', async () => {
    const open = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
    const response = await t.http().get(`/api/cycles/${open.id}`);
    expect(response.status).toBe(200);
    const cycle = Cycle.parse(response.body);
    expect(cycle.phase).toBe('proposals');
    expect(cycle.pots.map((pot) => pot.wardId)).toEqual([...wardIds].sort((a, b) => {
      const name = (id: string) => cycle.pots.find((pot) => pot.wardId === id)?.name ?? '';
      return name(a).localeCompare(name(b));
    }).concat([null as unknown as string]));
    expect(cycle.pots.reduce((sum, pot) => sum + pot.budget, 0)).toBe(cycle.totalBudget);
    expect(cycle.rounds).toHaveLength(1);
    expect(cycle.schedule.proposals).toEqual({ start: '2027-01-04', end: '2027-02-14' });
    expect(cycle.whatYouCanDoNow).toMatch(/submit ideas.*until 14 February 2027/);
  });

  it('answers 404 for an unknown cycle and 400 for a malformed id', async () => {
    expectEnvelope(await t.http().get('/api/cycles/00000000-0000-4000-8000-000000000000'), 404);
    expectEnvelope(await t.http().get('/api/cycles/riverside'), 400);
  });
});

describe('POST /api/cycles', () => {
  it('lets an admin create a draft cycle with pots and rules, and audits it', async () => {
    const response = await t.http().post('/api/cycles').set(cast.admin.auth).send(cycleInput(wardIds));
    expect(response.status).toBe(201);
    const cycle = Cycle.parse(response.body);
    expect(cycle).toMatchObject({ phase: 'draft', currency: 'GBP', totalBudget: 120_000, tally: { rule: 'greedy', tieBreak: ['lowerCost', 'id'] } });
    expect(cycle.pots).toHaveLength(3);
    expect(cycle.pots.find((pot) => pot.wardId === null)?.name).toBe('City-wide');
    expect(await count(t.db, sql`${auditLog} where action = 'cycle.create' and target_id = ${cycle.id} and actor_id = ${cast.admin.id}`)).toBe(1);
  });

  it('defaults the tie-break to lower cost, then id', async () => {
    const body = { ...cycleInput(wardIds), tally: { rule: 'equal-shares' } };
    const response = await t.http().post('/api/cycles').set(cast.admin.auth).send(body);
    expect(Cycle.parse(response.body).tally.tieBreak).toEqual(['lowerCost', 'id']);
  });

  it.each(['signedOut', 'resident', 'staff', 'councillor'] as const)('refuses %s and creates nothing', async (caller) => {
    const before = await cycleCount();
    const response = await t.http().post('/api/cycles').set(cast[caller].auth).send(cycleInput(wardIds));
    expectEnvelope(response, caller === 'signedOut' ? 401 : 403);
    expect(await cycleCount()).toBe(before);
  });

  const base = () => cycleInput(wardIds);
  it.each([
    ['pots that do not add up to the total', () => ({ ...base(), totalBudget: 119_999 }), 'pots'],
    ['an unknown ward', () => ({ ...base(), pots: [{ wardId: '00000000-0000-4000-8000-000000000000', budget: 120_000 }] }), 'pots.0.wardId'],
    ['two pots for one ward', () => ({ ...base(), totalBudget: 100_000, pots: [{ wardId: wardIds[0], budget: 50_000 }, { wardId: wardIds[0], budget: 50_000 }] }), 'pots.1.wardId'],
    ['two city-wide pots', () => ({ ...base(), totalBudget: 100_000, pots: [{ wardId: null, budget: 50_000 }, { wardId: null, budget: 50_000 }] }), 'pots.1.wardId'],
    ['a negative pot budget', () => ({ ...base(), totalBudget: 0, pots: [{ wardId: null, budget: -5 }, { wardId: wardIds[0], budget: 5 }] }), 'pots.0.budget'],
    ['a budget with pence', () => ({ ...base(), totalBudget: 120_000.5 }), 'totalBudget'],
    ['a budget given as text', () => ({ ...base(), totalBudget: '120000' }), 'totalBudget'],
    ['a rule the ballot kind cannot use', () => ({ ...base(), ballot: { kind: 'ranked', maxRanks: 3 }, tally: { rule: 'phragmen' } }), 'tally.rule'],
    ['a cumulative ballot without points', () => ({ ...base(), ballot: { kind: 'cumulative' } }), 'ballot.points'],
    ['a per-project cap above the points', () => ({ ...base(), ballot: { kind: 'cumulative', points: 5, perProjectCap: 6 } }), 'ballot.perProjectCap'],
    ['points on an approval ballot', () => ({ ...base(), ballot: { kind: 'approval', points: 10 } }), 'ballot.points'],
    ['a minimum count above the maximum', () => ({ ...base(), ballot: { kind: 'approval', minCount: 4, maxCount: 2 } }), 'ballot.maxCount'],
    ['a knapsack minimum spend over 100%', () => ({ ...base(), ballot: { kind: 'knapsack', minSpend: { unit: 'percent', value: 120 } } }), 'ballot.minSpend.value'],
    ['an unknown tie-break', () => ({ ...base(), tally: { rule: 'greedy', tieBreak: ['coinFlip'] } }), 'tally.tieBreak.0'],
    ['an unknown ward-establishment mode', () => ({ ...base(), eligibility: { wardEstablishment: 'guess' } }), 'eligibility.wardEstablishment'],
    ['a schedule running backwards', () => ({ ...base(), schedule: { proposals: { start: '2027-03-01', end: '2027-02-01' } } }), 'schedule.proposals.end'],
    ['voting scheduled before proposals', () => ({ ...base(), schedule: { proposals: { start: '2027-03-01', end: '2027-03-02' }, voting: { start: '2027-01-01', end: '2027-01-02' } } }), 'schedule.voting.start'],
    ['no deliberation round', () => ({ ...base(), rounds: [] }), 'rounds'],
    ['a lower-case currency', () => ({ ...base(), currency: 'gbp' }), 'currency'],
  ])('answers 400 for %s and creates nothing', async (_name, body, path) => {
    const [cyclesBefore, potsBefore] = [await cycleCount(), await potCount()];
    const response = await t.http().post('/api/cycles').set(cast.admin.auth).send(body());
    expect(expectEnvelope(response, 400).issues?.map((issue) => issue.path)).toContain(path);
    expect([await cycleCount(), await potCount()]).toEqual([cyclesBefore, potsBefore]);
  });
});

describe('the database itself', () => {
  it('refuses to commit a cycle whose pots do not add up, even written directly', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds });
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`update ${pots} set budget = budget + 1 where id = ${cycle.cityPotId}`);
      }),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`update ${cycles} set total_budget = 1 where id = ${cycle.id}`)).rejects.toThrow();
    expect(await count(t.db, sql`${pots} where id = ${cycle.cityPotId} and budget = 20000`)).toBe(1);
    // Moving money between pots in one transaction is fine.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`update ${pots} set budget = budget + 1000 where id = ${cycle.cityPotId}`);
      await tx.execute(sql`update ${pots} set budget = budget - 1000 where id = ${cycle.pots[wardIds[0] ?? '']}`);
    });
  });
});

describe('PATCH /api/cycles/:id', () => {
  it('lets an admin change the tally rule and the budget split, and audits it', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
    const response = await t
      .http()
      .patch(`/api/cycles/${cycle.id}`)
      .set(cast.admin.auth)
      .send({
        tally: { rule: 'equal-shares' },
        totalBudget: 150_000,
        pots: [
          { wardId: wardIds[0], budget: 60_000 },
          { wardId: wardIds[1], budget: 60_000 },
          { wardId: null, budget: 30_000 },
        ],
      });
    expect(response.status).toBe(200);
    const updated = Cycle.parse(response.body);
    expect(updated.tally.rule).toBe('equal-shares');
    expect(updated.pots.find((pot) => pot.wardId === null)).toMatchObject({ id: cycle.cityPotId, budget: 30_000 });
    expect(await count(t.db, sql`${auditLog} where action = 'cycle.update' and target_id = ${cycle.id}`)).toBe(1);
  });

  it('answers 400 when the new split does not add up, changing nothing', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
    const response = await t.http().patch(`/api/cycles/${cycle.id}`).set(cast.admin.auth).send({ totalBudget: 1 });
    expect(expectEnvelope(response, 400).issues?.[0]?.path).toBe('pots');
    expect(await count(t.db, sql`${cycles} where id = ${cycle.id} and total_budget = 120000`)).toBe(1);
  });

  it('answers 409 when removing a pot that holds proposals, changing nothing', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
    const author = await arrangeResident(t);
    await arrangeProposal(t.db, cycle, author.id, { potId: cycle.cityPotId });
    const response = await t
      .http()
      .patch(`/api/cycles/${cycle.id}`)
      .set(cast.admin.auth)
      .send({ pots: [{ wardId: wardIds[0], budget: 70_000 }, { wardId: wardIds[1], budget: 50_000 }] });
    expectEnvelope(response, 409);
    expect(await count(t.db, sql`${pots} where cycle_id = ${cycle.id}`)).toBe(3);
  });

  it('answers 409 for budget changes once voting starts and rule changes once counting starts', async () => {
    const voting = await arrangeCycle(t.db, { wardIds, phase: 'voting' });
    expectEnvelope(await t.http().patch(`/api/cycles/${voting.id}`).set(cast.admin.auth).send({ totalBudget: 120_000 }), 409);
    expect((await t.http().patch(`/api/cycles/${voting.id}`).set(cast.admin.auth).send({ tally: { rule: 'max-welfare' } })).status).toBe(200);
    const counting = await arrangeCycle(t.db, { wardIds, phase: 'counting' });
    expectEnvelope(await t.http().patch(`/api/cycles/${counting.id}`).set(cast.admin.auth).send({ tally: { rule: 'max-welfare' } }), 409);
    expect(await count(t.db, sql`${cycles} where id = ${counting.id} and tally->>'rule' = 'greedy'`)).toBe(1);
  });

  it('refuses every role but admin and changes nothing', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
    for (const caller of ['signedOut', 'resident', 'staff', 'councillor'] as const) {
      const response = await t.http().patch(`/api/cycles/${cycle.id}`).set(cast[caller].auth).send({ name: 'Hijacked' });
      expectEnvelope(response, caller === 'signedOut' ? 401 : 403);
    }
    expect(await count(t.db, sql`${cycles} where name = 'Hijacked'`)).toBe(0);
  });
});

describe('POST /api/cycles/:id/phase', () => {
  it('moves to the next phase, then forward to a named one, auditing who, from and to', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds });
    const next = await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cast.admin.auth);
    expect(next.status).toBe(200);
    expect(Cycle.parse(next.body).phase).toBe('proposals');
    const jump = await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cast.admin.auth).send({ to: 'voting' });
    expect(Cycle.parse(jump.body).phase).toBe('voting');
    const entries = await t.db.execute<{ details: { from: string; to: string } }>(
      sql`select details from ${auditLog} where action = 'cycle.phase.move' and target_id = ${cycle.id} and actor_id = ${cast.admin.id} order by id`,
    );
    const rows = (Array.isArray(entries) ? entries : (entries as { rows: { details: { from: string; to: string } }[] }).rows) as { details: { from: string; to: string } }[];
    expect(rows.map((row) => [row.details.from, row.details.to])).toEqual([
      ['draft', 'proposals'],
      ['proposals', 'voting'],
    ]);
  });

  it.each([
    ['backwards', 'deliberation', 'feasibility', /only move forward/],
    ['to the phase it is in', 'feasibility', 'feasibility', /already in the feasibility phase/],
  ])('answers 409 for a move %s and changes nothing', async (_name, to, from, message) => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: from as 'feasibility' });
    const response = await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cast.admin.auth).send({ to });
    expect(expectEnvelope(response, 409).message).toMatch(message);
    expect(await count(t.db, sql`${cycles} where id = ${cycle.id} and phase = ${from}`)).toBe(1);
    expect(await count(t.db, sql`${auditLog} where action = 'cycle.phase.move' and target_id = ${cycle.id}`)).toBe(0);
  });

  it('answers 409 once the cycle is closed', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: 'closed' });
    expect(expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cast.admin.auth), 409).message).toMatch(/closed/);
  });

  it('answers 400 for an unknown phase name', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds });
    expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cast.admin.auth).send({ to: 'party' }), 400);
  });

  it('refuses every role but admin and changes nothing', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
    for (const caller of ['signedOut', 'resident', 'staff', 'councillor'] as const) {
      expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cast[caller].auth), caller === 'signedOut' ? 401 : 403);
    }
    expect(await count(t.db, sql`${cycles} where id = ${cycle.id} and phase = 'proposals'`)).toBe(1);
  });

  it('applies the last round’s shortlist when deliberation ends without it being closed', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: 'deliberation', rounds: [{ shortlistRule: { kind: 'threshold', minSupports: 2 } }] });
    const author = await arrangeResident(t);
    const popular = await arrangeProposal(t.db, cycle, author.id, { title: 'Popular idea' });
    const quiet = await arrangeProposal(t.db, cycle, author.id, { title: 'Quiet idea' });
    for (let i = 0; i < 2; i++) await addSupport(t.db, popular, (await arrangeResident(t)).id);
    await addSupport(t.db, quiet, (await arrangeResident(t)).id);
    const response = await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cast.admin.auth);
    const moved = Cycle.parse(response.body);
    expect(moved.phase).toBe('feasibility');
    expect(moved.rounds[0]?.closedAt).not.toBeNull();
    expect(await count(t.db, sql`${proposals} where id = ${popular} and status = 'shortlisted'`)).toBe(1);
    expect(await count(t.db, sql`${proposals} where id = ${quiet} and status = 'not_shortlisted'`)).toBe(1);
  });

  it('lets every proposal through, without applying a rule, when deliberation is skipped', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: 'proposals', rounds: [{ shortlistRule: { kind: 'threshold', minSupports: 1 } }] });
    const author = await arrangeResident(t);
    const id = await arrangeProposal(t.db, cycle, author.id);
    const moved = Cycle.parse((await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cast.admin.auth).send({ to: 'feasibility' })).body);
    expect(moved.rounds[0]?.closedAt).not.toBeNull();
    expect(await count(t.db, sql`${proposals} where id = ${id} and status = 'shortlisted'`)).toBe(1);
  });

  it('lets every submitted proposal through when no round had a rule', async () => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: 'deliberation' });
    const author = await arrangeResident(t);
    const id = await arrangeProposal(t.db, cycle, author.id);
    await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cast.admin.auth).expect(200);
    expect(await count(t.db, sql`${proposals} where id = ${id} and status = 'shortlisted'`)).toBe(1);
  });
});

describe('OpenAPI', () => {
  it('documents the cycle, proposal, deliberation, feasibility and notification routes', async () => {
    const paths = Object.keys((await t.http().get('/api/docs/json')).body.paths as Record<string, unknown>);
    for (const path of [
      '/api/cycles',
      '/api/cycles/{id}',
      '/api/cycles/{id}/phase',
      '/api/cycles/{id}/proposals',
      '/api/proposals/{id}',
      '/api/proposals/{id}/withdraw',
      '/api/proposals/{id}/comments',
      '/api/comments/{id}/flag',
      '/api/comments/{id}/hide',
      '/api/proposals/{id}/support',
      '/api/proposals/{id}/merge',
      '/api/cycles/{id}/rounds/{roundId}/close',
      '/api/cycles/{id}/reviews',
      '/api/proposals/{id}/feasibility',
      '/api/cycles/{id}/ballot-projects',
      '/api/notifications',
      '/api/notifications/{id}/read',
    ]) {
      expect(paths).toContain(path);
    }
  });
});
