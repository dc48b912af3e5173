/**
 * Who may count, publish and read, what is refused (with nothing changed), the city summary, the
 * CSV, and ballot secrecy in everything the module answers. One cycle walks through its life in
 * order: voting → counting → counted → published.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CycleResults } from '@allot/shared';
import { count, createWard, expectEnvelope, useTestApp } from '../../../test/helpers';
import { rowsOf } from '../../db/client';
import { PgCode, pgErrorOf } from '../../errors';
import { arrangeVoter, type Voter } from '../ballots/test-fixtures';
import { setPhase } from '../cycles/cycles.repository';
import { canonicalJson } from './count';
import { arrangeResultsCycle, castBallots, checkExportRoundTrip, potOf, type ResultsCycle } from './test-fixtures';

const t = useTestApp();

async function selectRows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await t.db.execute(query));
}

describe('results: access, refusals, summary, open data and secrecy', () => {
  let cycle: ResultsCycle;
  let voters: Voter[];
  let resident: Voter;
  let staff: Voter;
  let councillor: Voter;
  let X: string;
  let Y: string;
  let Z: string;

  /** Everything a refused request must leave as it was. */
  const state = async () => ({
    tallies: await selectRows(sql`select result_hash, tallied_at, published_at from cycle_tallies where cycle_id = ${cycle.id}`),
    potResults: await selectRows(sql`select pot_id, ballots_hash, funded::text, projects::text, explanation::text from pot_results where cycle_id = ${cycle.id} order by pot_id`),
    phase: (await selectRows<{ phase: string }>(sql`select phase from cycles where id = ${cycle.id}`))[0]?.phase,
    audit: await count(t.db, sql`audit_log where target_id = ${cycle.id}`),
  });
  const results = (auth: Voter['auth'] | Record<string, never> = {}) => t.http().get(`/api/cycles/${cycle.id}/results`).set(auth);
  const exportPb = (query: Record<string, string>) => t.http().get(`/api/cycles/${cycle.id}/export.pb`).query(query);
  const csv = (query: Record<string, string> = {}) => t.http().get(`/api/cycles/${cycle.id}/results.csv`).query(query);

  beforeAll(async () => {
    cycle = await arrangeResultsCycle(t, {
      ballot: { kind: 'approval' },
      rule: 'greedy',
      budget: 100,
      projects: {
        X: { cost: 40, title: '=SUM(1+1)', contribution: { matchFunding: 500, volunteerHours: 40, inKindGoods: 'Paint and brushes' } },
        Y: { cost: 50, title: 'Benches, bins and "lights"', contribution: { volunteerHours: 10 } },
        Z: { cost: 70, title: 'Skate park', contribution: { matchFunding: 9_999, volunteerHours: 999, inKindGoods: 'Soil' } },
      },
    });
    ({ X = '', Y = '', Z = '' } = cycle.ids);
    const pick = (...projects: string[]) => ({ potId: cycle.potA, projects });
    const city = { potId: cycle.cityPot, projects: [cycle.ids.cityProject ?? ''] };
    // Votes: X 2, Y 2, Z 1. Greedy: X and Y tie; the cheaper X first (100 → 60), then Y (→ 10); Z skipped.
    voters = await castBallots(t, cycle, [[pick(X, Y), city], [pick(X)], [pick(Z)], [pick(Y)]]);
    resident = await arrangeVoter(t, { wardId: cycle.wardA });
    staff = await arrangeVoter(t, { wardId: null, roles: ['staff'] });
    const otherWard = (await createWard(t.db)).id;
    councillor = await arrangeVoter(t, { wardId: null, roles: ['councillor'], councillorWardIds: [otherWard] });
  });

  it('refuses to count while voting is open, and to reach results without counting', async () => {
    const before = await state();
    expect(expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/tally`).set(cycle.admin.auth), 409).message).toMatch(/Voting is still open/);
    const skip = await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cycle.admin.auth).send({ to: 'results' });
    expect(expectEnvelope(skip, 409).message).toMatch(/^Publish the results first/);
    expect(await state()).toEqual(before);
    expect(before.tallies).toEqual([]);
  });

  it('lets only admins count', async () => {
    await setPhase(t.db, cycle.id, 'counting');
    const before = await state();
    expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/tally`), 401);
    for (const caller of [resident, staff, councillor]) {
      expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/tally`).set(caller.auth), 403);
      expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/publish`).set(caller.auth), 403);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses to publish before a count, and to move to results before publication', async () => {
    const before = await state();
    expect(expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/publish`).set(cycle.admin.auth), 409).message).toMatch(/Count the votes before publishing/);
    for (const body of [{ to: 'results' }, {}, { to: 'implementation' }]) {
      const move = await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cycle.admin.auth).send(body);
      expect(expectEnvelope(move, 409).message).toMatch(/^Publish the results first/);
    }
    expect(await state()).toEqual(before);
  });

  it('counts, and audits the count without any ballot content', async () => {
    const tallied = await t.http().post(`/api/cycles/${cycle.id}/tally`).set(cycle.admin.auth);
    expect(tallied.status).toBe(200);
    expect(tallied.body.status).toBe('tallied');
    expect(tallied.body.publishedAt).toBeNull();
    expect(potOf(tallied.body as CycleResults, cycle.potA).funded).toEqual([X, Y]);
    const audit = await selectRows<{ details: unknown; actor_id: string }>(sql`select details, actor_id from audit_log where target_id = ${cycle.id} and action = 'results.tally'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(cycle.admin.id);
    const details = JSON.stringify(audit[0]?.details);
    for (const id of [X, Y, Z, cycle.ids.cityProject ?? '']) expect(details).not.toContain(id);
    expect(details).toContain(tallied.body.resultHash as string);
    // Still refused: the count is not published.
    expect(expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cycle.admin.auth).send({ to: 'results' }), 409).message).toMatch(/^Publish the results first/);
  });

  it('shows an unpublished count to admins and councillors of any ward only', async () => {
    for (const caller of [{}, resident.auth, staff.auth]) {
      expect(expectEnvelope(await results(caller), 404).message).toBe('The results are not published yet');
    }
    for (const caller of [councillor.auth, cycle.admin.auth]) {
      const response = await results(caller);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('tallied');
      expect(response.headers['cache-control']).toBe('private, no-store');
    }
  });

  it('keeps the open data back until publication, and refuses bad queries', async () => {
    const before = await state();
    expect(before.tallies).toMatchObject([{ published_at: null }]); // counted, not published
    for (const caller of [{}, cycle.admin.auth]) {
      expect(expectEnvelope(await exportPb({ pot: cycle.potA }).set(caller), 404).message).toMatch(/not published yet/);
      expect(expectEnvelope(await csv().set(caller), 404).message).toMatch(/not published yet/);
      expect(expectEnvelope(await csv({ pot: cycle.potA }).set(caller), 404).message).toMatch(/not published yet/);
    }
    expectEnvelope(await exportPb({}), 400);
    expectEnvelope(await exportPb({ pot: 'not-a-pot' }), 400);
    expectEnvelope(await exportPb({ pot: cycle.potA, voter: '1' }), 400);
    expectEnvelope(await csv({ pot: 'nope' }), 400);
    expect(await state()).toEqual(before);
  });

  it('publishes once, moving the cycle to results, and then everyone reads the same results', async () => {
    const before = await results(cycle.admin.auth);
    const published = await t.http().post(`/api/cycles/${cycle.id}/publish`).set(cycle.admin.auth);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', resultHash: before.body.resultHash });
    expect((await state()).phase).toBe('results');
    const actions = await selectRows<{ action: string; details: Record<string, unknown> }>(
      sql`select action, details from audit_log where target_id = ${cycle.id} and action in ('results.publish', 'cycle.phase.move') order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['results.publish', 'cycle.phase.move']);
    expect(actions[1]?.details).toMatchObject({ from: 'counting', to: 'results' });
    for (const caller of [{}, resident.auth, staff.auth, councillor.auth, cycle.admin.auth]) {
      const response = await results(caller);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('published');
      expect(response.body.pots).toEqual(before.body.pots);
    }
  });

  it('gives a result hash anyone can recompute from the published document', async () => {
    const body = (await results()).body as CycleResults;
    const hash = createHash('sha256');
    for (const pot of [...body.pots].sort((a, b) => (a.potId < b.potId ? -1 : 1))) {
      const { wardId: _wardId, name: _name, ruleDescription: _description, ...counted } = pot;
      hash.update(canonicalJson(counted) + '\n');
    }
    expect(hash.digest('hex')).toBe(body.resultHash);
  });

  it('refuses to publish twice or count again after publication, changing nothing', async () => {
    const before = await state();
    expect(expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/publish`).set(cycle.admin.auth), 409).message).toMatch(/already published/);
    expect(expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/tally`).set(cycle.admin.auth), 409).message).toMatch(/published and can no longer be recounted/);
    // Even with the phase forced back to counting, a published count is never replaced.
    await setPhase(t.db, cycle.id, 'counting');
    expect(expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/tally`).set(cycle.admin.auth), 409).message).toMatch(/published/);
    expect(expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/publish`).set(cycle.admin.auth), 409).message).toMatch(/already published/);
    await setPhase(t.db, cycle.id, 'results');
    expect(await state()).toEqual(before);
    // And the database itself refuses: the freeze trigger of migration 0006.
    const refused = await t.db.execute(sql`update pot_results set spent = 0 where cycle_id = ${cycle.id}`).then(
      () => undefined,
      (error: unknown) => pgErrorOf(error),
    );
    expect(refused).toEqual({ code: PgCode.checkViolation, constraint: 'results_published_frozen' });
    expect(await state()).toEqual(before);
  });

  it('summarises the city: funded money, voters, contributions of funded projects and wards', async () => {
    const body = (await results()).body as CycleResults;
    // Funded: X (40) and Y (50) in ward A, the city project (600). Z's contribution does not count.
    expect(body.summary).toMatchObject({
      totalBudget: 1_100,
      totalFunded: 690,
      fundedProjects: 3,
      ballots: 4,
      contribution: { matchFunding: 500, volunteerHours: 50, projectsWithGoods: 1 },
    });
    expect(body.summary.wards.find((ward) => ward.wardId === cycle.wardA)).toMatchObject({
      population: 1000,
      potId: cycle.potA,
      budget: 100,
      fundedProjects: 2,
      fundedAmount: 90,
    });
    const pot = potOf(body, cycle.potA);
    expect(pot.projects.find((p) => p.id === X)?.contribution).toEqual({ matchFunding: 500, volunteerHours: 40, inKindGoods: 'Paint and brushes' });
    expect(pot.projects.find((p) => p.id === Z)).toMatchObject({ funded: false, shareOfPot: 0.7 });
  });

  it('serves the results as CSV, safe to open in a spreadsheet', async () => {
    const all = await csv();
    expect(all.status).toBe(200);
    expect(all.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(all.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9_-]+_results\.csv"$/);
    const lines = all.text.split('\r\n');
    expect(lines[0]).toBe('pot,project_id,title,category,cost,votes,score,funded,share_of_pot,reason');
    expect(lines).toHaveLength(1 + 4 + 1); // header, 3 + 1 projects, final empty line
    const x = lines.find((line) => line.includes(X)) ?? '';
    expect(x).toMatch(new RegExp(`^Ward [A-Z0-9]+,${X},'=SUM\\(1\\+1\\),parks-and-green-spaces,40,2,,yes,0\\.4,"Funded: `));
    expect(lines.find((line) => line.includes(Y))).toContain(',"Benches, bins and ""lights""",');
    const one = await csv({ pot: cycle.cityPot });
    expect(one.status).toBe(200);
    expect(one.text.trimEnd().split('\r\n')).toHaveLength(2);
    expect(expectEnvelope(await csv({ pot: cycle.notFeasible }), 404).message).toBe('No pot with this id in this cycle');
  });

  it('exports each pot for anyone; an unknown pot is not found', async () => {
    const body = (await results()).body as CycleResults;
    const { text } = await checkExportRoundTrip(t, cycle.id, potOf(body, cycle.potA));
    expect(text).toContain(`${X};40;=SUM(1+1);`); // in the .pb a name is data, as written
    expect(text).toMatch(/^district;Ward [A-Z0-9]+$/m); // a ward pot names its ward
    const city = await checkExportRoundTrip(t, cycle.id, potOf(body, cycle.cityPot));
    expect(city.text).not.toMatch(/^district;/m); // the city-wide pot has none
    expect(expectEnvelope(await exportPb({ pot: cycle.notFeasible }), 404).message).toBe('No pot with this id in this cycle');
  });

  it('never shows who voted or how: no account, email, voter token or receipt', async () => {
    const tokens = await selectRows<{ voter_token: string; receipt: string; content_hash: string }>(sql`select voter_token, receipt, content_hash from ballots where cycle_id = ${cycle.id}`);
    expect(tokens).toHaveLength(4);
    const published = [
      JSON.stringify((await results()).body),
      JSON.stringify((await results(cycle.admin.auth)).body),
      (await csv()).text,
      (await exportPb({ pot: cycle.potA })).text,
      (await exportPb({ pot: cycle.cityPot })).text,
    ];
    const secrets = [...voters.flatMap((v) => [v.id, v.email]), ...tokens.flatMap((row) => [row.voter_token, row.receipt, row.content_hash])];
    for (const document of published) for (const secret of secrets) expect(document).not.toContain(secret);
    const pb = published[3] ?? '';
    expect(pb).toMatch(/^VOTES\nvoter_id;vote\n/m);
    // Voter ids follow the sorted ballots: {X,Y} / {X} / {Y} / {Z} sorted as text, numbered 1..4.
    const votes = pb.slice(pb.indexOf('VOTES\n')).trimEnd().split('\n').slice(2);
    expect(votes.map((line) => line.split(';')[0])).toEqual(['1', '2', '3', '4']);
    expect(votes.map((line) => line.split(';')[1])).toEqual([[X], [X, Y].sort(), [Y], [Z]].map((ids) => ids.join(',')).sort());
  });

  it('documents every route in the OpenAPI description', async () => {
    const docs = (await t.http().get('/api/docs/json')).body as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining([
      '/api/cycles/{id}/tally',
      '/api/cycles/{id}/publish',
      '/api/cycles/{id}/results',
      '/api/cycles/{id}/export.pb',
      '/api/cycles/{id}/results.csv',
    ]));
    expect(Object.keys(docs.paths['/api/cycles/{id}/export.pb']?.get?.responses['200']?.content ?? {})).toEqual(['text/plain']);
    expect(Object.keys(docs.paths['/api/cycles/{id}/results.csv']?.get?.responses['200']?.content ?? {})).toEqual(['text/csv']);
  });

  it('lets the phase move on once the results are published', async () => {
    const moved = await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cycle.admin.auth);
    expect(moved.status).toBe(200);
    expect(moved.body.phase).toBe('implementation');
    expect((await results()).status).toBe(200);
  });
});
