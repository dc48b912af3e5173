/**
 * Every tally rule end to end: residents cast through PUT /ballot, an admin moves the cycle to
 * counting, counts and publishes, and the published `funded` equals an outcome worked out by hand
 * (the working is in each test). The export of each pot re-counts to exactly `funded`.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { BallotSettings, TallyRule } from '@allot/shared';
import { runRule } from '@allot/tally';
import { rowsOf, type Db } from '../../db/client';
import { useTestApp } from '../../../test/helpers';
import { arrangeResultsCycle, castBallots, checkExportRoundTrip, countAndPublish, idsOf, potOf, type ProjectSpec, type ResultsCycle } from './test-fixtures';

const t = useTestApp();

/**
 * Instance I, approval ballots, pot budget 100: P1 costs 50, P2 45, P3 50.
 * Voters 1–3 approve {P1, P2}; voters 4–5 approve {P3}. Votes: P1 3, P2 3, P3 2.
 */
async function instanceOne(rule: 'greedy' | 'equal-shares' | 'equal-shares-add1' | 'phragmen'): Promise<ResultsCycle> {
  const cycle = await arrangeResultsCycle(t, {
    ballot: { kind: 'approval' },
    rule,
    budget: 100,
    projects: { P1: { cost: 50 }, P2: { cost: 45 }, P3: { cost: 50 } },
  });
  const { P1, P2, P3, cityProject } = idsOf(cycle, 'P1', 'P2', 'P3', 'cityProject');
  const both = { potId: cycle.potA, projects: [P1, P2] };
  const three = { potId: cycle.potA, projects: [P3] };
  const city = { potId: cycle.cityPot, projects: [cityProject] };
  // Voters 1 and 4 also vote in the city-wide pot (budget 1,000; one project of 600).
  await castBallots(t, cycle, [[both, city], [both], [both], [three, city], [three]]);
  return cycle;
}

/** One resident's choice in pot A: the projects they approve, points per project, or a ranking. */
type PotAChoice = { projects: string[] } | { points: Record<string, number> } | { ranking: string[] };

/**
 * Pot A of `budget` (default 100) holds `projects`; one new resident per entry of `ballots(ids)`
 * votes in it, then the cycle is counted under `rule` and published. Returns the cycle, the ids by
 * label and pot A's published result.
 */
async function countPotA<K extends string>(
  ballot: BallotSettings,
  rule: TallyRule,
  projects: Record<K, ProjectSpec>,
  ballots: (ids: Record<K, string>) => PotAChoice[],
  budget = 100,
) {
  const cycle = await arrangeResultsCycle(t, { ballot, rule, budget, projects });
  const ids = idsOf(cycle, ...(Object.keys(projects) as K[]));
  await castBallots(t, cycle, ballots(ids).map((choice) => [{ potId: cycle.potA, ...choice }]));
  const pot = potOf(await countAndPublish(t, cycle), cycle.potA);
  return { cycle, ids, pot };
}

/**
 * Cumulative ballots of 10 points, pot budget 100: S1 costs 60, S2 40, S3 50. Voter 1 gives S1 10;
 * voter 2 gives S1 5 and S2 5; voter 3 gives S2 10; voter 4 gives S3 10.
 */
function pointsInstance(rule: 'equal-shares' | 'equal-shares-add1') {
  return countPotA({ kind: 'cumulative', points: 10 }, rule, { S1: { cost: 60 }, S2: { cost: 40 }, S3: { cost: 50 } }, ({ S1, S2, S3 }) => [
    { points: { [S1]: 10 } },
    { points: { [S1]: 5, [S2]: 5 } },
    { points: { [S2]: 10 } },
    { points: { [S3]: 10 } },
  ]);
}

async function storedRows(db: Db, cycleId: string): Promise<unknown[]> {
  const result = await db.execute(sql`
    select pot_id, rule, rule_key, tie_break::text, ballot_kind, budget, spent, ballot_count, ballots_hash,
           funded::text, projects::text, explanation::text, equal_shares::text, engine_explanation::text
    from pot_results where cycle_id = ${cycleId} order by pot_id`);
  return rowsOf(result);
}

describe('counting under each rule', () => {
  it('greedy funds the most-voted projects that fit, skipping what does not', async () => {
    const cycle = await instanceOne('greedy');
    const { P1, P2, P3, cityProject } = idsOf(cycle, 'P1', 'P2', 'P3', 'cityProject');
    const results = await countAndPublish(t, cycle);
    const pot = potOf(results, cycle.potA);
    // P1 and P2 tie on 3 votes; the tie-break funds the cheaper P2 first (100 → 55 left), then
    // P1 (55 → 5 left); P3 (2 votes, 50) no longer fits and is skipped.
    expect(pot.funded).toEqual([P2, P1]);
    expect(pot.ruleKey).toBe('greedy_cost_sat');
    expect(pot.spent).toBe(95);
    expect(pot.ballots).toBe(5);
    expect(pot.projects.map((p) => [p.id, p.decision, p.votes, p.score])).toEqual([
      [P2, 'funded', 3, null],
      [P1, 'funded', 3, null],
      [P3, 'skipped', 2, null],
    ]);
    expect(pot.projects.find((p) => p.id === P3)?.reason).toMatch(/only £5 was left, less than its cost of £50/);
    expect(pot.explanation.filter((s) => s.projectId !== null).map((s) => [s.projectId, s.decision])).toEqual([
      [P2, 'funded'],
      [P1, 'funded'],
      [P3, 'skipped'],
    ]);
    expect(pot.equalShares).toBeNull();
    // The not-feasible proposal is not on the ballot, so not in the result.
    expect(pot.projects.map((p) => p.id)).not.toContain(cycle.notFeasible);
    const cityPot = potOf(results, cycle.cityPot);
    expect(cityPot).toMatchObject({ funded: [cityProject], ballots: 2, spent: 600 });
    expect(results.summary).toMatchObject({ totalBudget: 1_100, totalFunded: 695, fundedProjects: 3, ballots: 5 });
    await checkExportRoundTrip(t, cycle.id, pot);
    await checkExportRoundTrip(t, cycle.id, cityPot);
  });

  it('equal shares funds only what each group of voters can pay for with its own shares', async () => {
    const cycle = await instanceOne('equal-shares');
    const { P1, P2, P3 } = idsOf(cycle, 'P1', 'P2', 'P3');
    const results = await countAndPublish(t, cycle);
    const pot = potOf(results, cycle.potA);
    // Each of the 5 voters gets 100 / 5 = 20. With cost utilities a project's supporters pay equal
    // shares and the cheapest price per unit of utility wins: P1 (3 × 20 = 60 ≥ 50, 16.67 each,
    // ρ = 1/3) ties P2 (15 each, ρ = 1/3); P3's 2 supporters have 40 < 50. The tie-break takes the
    // cheaper P2: voters 1–3 pay 15 and keep 5 each (15 < 50 for P1). Nothing else is affordable.
    // Greedy would have funded P2 and P1.
    expect(pot.funded).toEqual([P2]);
    expect(pot.ruleKey).toBe('mes_cost_sat');
    expect(pot.projects.find((p) => p.id === P1)).toMatchObject({ funded: false, decision: 'skipped' });
    expect(pot.projects.find((p) => p.id === P3)?.reason).toMatch(/did not have enough of their equal shares/);
    expect(pot.equalShares).toEqual({
      voters: 5,
      budgetPerVoterStart: '20',
      budgetPerVoterUsed: '20',
      costSharing: [
        { projectId: P2, cost: 45, paidInFull: 3, paidEverythingLeft: 0, price: '15', priceUnit: 'supporter', paidInFullTotal: '45', paidEverythingLeftTotal: '0', stage: 'equal-shares' },
      ],
      unspent: '55',
    });
    await checkExportRoundTrip(t, cycle.id, pot);
  });

  it('equal shares with the add-one completion raises the shares until nothing more fits, reproducibly', async () => {
    const cycle = await instanceOne('equal-shares-add1');
    const { P2, P3 } = idsOf(cycle, 'P2', 'P3');
    // Count twice before publishing: the same ballots and rule store the same bytes and hashes.
    expect((await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cycle.admin.auth).send({ to: 'counting' })).status).toBe(200);
    const first = await t.http().post(`/api/cycles/${cycle.id}/tally`).set(cycle.admin.auth);
    expect(first.status).toBe(200);
    const rowsFirst = await storedRows(t.db, cycle.id);
    const second = await t.http().post(`/api/cycles/${cycle.id}/tally`).set(cycle.admin.auth);
    expect(second.status).toBe(200);
    expect(second.body.resultHash).toBe(first.body.resultHash);
    expect(second.body.pots).toEqual(first.body.pots);
    expect(await storedRows(t.db, cycle.id)).toEqual(rowsFirst);
    expect(rowsFirst).toHaveLength(2);

    const published = await t.http().post(`/api/cycles/${cycle.id}/publish`).set(cycle.admin.auth);
    expect(published.status).toBe(200);
    const pot = potOf(published.body, cycle.potA);
    // Shares start at 20 and rise by 1. From 20 to 24 the outcome is {P2} and the 55 left could
    // still buy P1 or P3. At 25, P2 goes first (ρ = 1/3 < P3's 25/50 = 1/2): voters 1–3 pay 15
    // and keep 10 each (30 < 50 for P1); voters 4–5 have 25 each = 50, so P3 is bought with all
    // they have. {P2, P3} costs 95 and the 5 left fits nothing: exhaustive, so the count stops.
    expect(pot.funded).toEqual([P2, P3]);
    expect(pot.ruleKey).toBe('mes_cost_sat_add1');
    expect(pot.equalShares).toMatchObject({
      budgetPerVoterStart: '20',
      budgetPerVoterUsed: '25',
      costSharing: [
        { projectId: P2, paidInFull: 3, paidEverythingLeft: 0, price: '15', stage: 'equal-shares' },
        { projectId: P3, paidInFull: 0, paidEverythingLeft: 2, paidEverythingLeftTotal: '50', stage: 'equal-shares' },
      ],
    });
    expect(pot.explanation.some((step) => step.decision === 'note' && /raised £1 at a time/.test(step.text))).toBe(true);
    await checkExportRoundTrip(t, cycle.id, pot);
  });

  it('equal shares then the greedy fill funds, with the money left over, a project the add-one completion alone leaves out', async () => {
    const {
      cycle,
      ids: { A, W, Z },
      pot,
    } = await countPotA({ kind: 'approval' }, 'equal-shares-add1-greedy', { A: { cost: 50 }, W: { cost: 45 }, Z: { cost: 60 } }, ({ A, W, Z }) => [
      { projects: [A, W] },
      { projects: [A] },
      { projects: [Z] },
      { projects: [Z] },
    ]);
    // Pot 100, 4 voters: shares start at 25. Votes: A 2 (voters 1, 2), Z 2 (voters 3, 4), W 1 (voter 1).
    // Equal shares at b per voter: A is affordable from b = 25 (25 each); Z needs 2b ≥ 60, b ≥ 30;
    // W needs voter 1 to pay 45 alone, but voter 1 has b − 25 after A (and b < 45 before it).
    // Add-one: b = 25, 26, 27, 28, 29 all give {A} (50 spent); W (45) still fits in the 50 left, so
    // the outcome is not exhaustive and b rises. At b = 30, A and Z (both 1/2: same price for what
    // they cost) are both bought: 110 > 100, so the count keeps b = 29, {A}: 6 runs. Voters' shares
    // left: 4 × 29 − 50 = 66. (mes_cost_sat_add1 stops here: W unfunded, 50 of 100 spent.)
    // Greedy fill of the 50 left, by votes: Z (2 votes, 60) does not fit; W (1 vote, 45) fits: 5 left.
    expect(pot.funded).toEqual([A, W]);
    expect(pot.ruleKey).toBe('mes_cost_sat_add1_greedy');
    expect(pot.rule).toBe('equal-shares-add1-greedy');
    expect(pot.spent).toBe(95);
    expect(pot.ruleDescription).toMatch(/then what is left of the pot pays for the projects with the most votes that still fit/);
    expect(pot.projects.map((p) => [p.id, p.decision, p.votes])).toEqual([
      [A, 'funded', 2],
      [W, 'funded', 1],
      [Z, 'skipped', 2],
    ]);
    expect(pot.projects.find((p) => p.id === W)?.reason).toBe(
      "Funded with money left over in the pot after the equal-shares steps, not from voters' shares: with 1 vote it came next in order of votes among the projects not yet funded, and its cost of £45 fitted in the £50 still left.",
    );
    expect(pot.projects.find((p) => p.id === Z)?.reason).toBe(
      'Not funded: its supporters did not have enough of their equal shares left to pay for it together, and at £60 it cost more than the £50 of the pot left over afterwards.',
    );
    expect(pot.equalShares).toEqual({
      voters: 4,
      budgetPerVoterStart: '25',
      budgetPerVoterUsed: '29',
      costSharing: [
        { projectId: A, cost: 50, paidInFull: 2, paidEverythingLeft: 0, price: '25', priceUnit: 'supporter', paidInFullTotal: '50', paidEverythingLeftTotal: '0', stage: 'equal-shares' },
        { projectId: W, cost: 45, paidInFull: 0, paidEverythingLeft: 0, price: '0', priceUnit: 'supporter', paidInFullTotal: '0', paidEverythingLeftTotal: '0', stage: 'completion' },
      ],
      unspent: '66',
    });
    const texts = pot.explanation.map((step) => step.text);
    expect(texts).toContain("To leave less money unspent, the count was repeated with each voter's share raised £1 at a time while the outcome still fitted in the pot (6 runs). The outcome kept gave each voter £29.");
    expect(texts).toContain(
      "After the equal-shares steps, £50 of the pot was still unspent. That money, not voters' shares, then paid for the projects not yet funded, in order of votes: each project that still fitted in what was left was funded.",
    );
    expect(pot.explanation.find((step) => step.projectId === W)).toEqual({
      projectId: W,
      decision: 'funded',
      text: "“Project costing 45” (1 vote, costs £45) was funded with money left over in the pot, not from voters' shares: £50 was left, so it fitted, leaving £5.",
    });
    expect(texts.at(-1)).toBe("£66 of the voters' shares was not spent in the equal-shares steps; £45 of the money left over in the pot paid for 1 more project; £5 of the pot was left unspent.");
    const { instance } = await checkExportRoundTrip(t, cycle.id, pot);
    // The same open data under the add-one completion alone funds A only.
    expect(runRule('mes_cost_sat_add1', instance, { tieBreak: pot.tieBreak }).selected).toEqual([A]);
  });

  it('equal shares then the greedy fill on cumulative ballots ranks the money left over by voters who gave points', async () => {
    const {
      cycle,
      ids: { G1, G2 },
      pot,
    } = await countPotA(
      { kind: 'cumulative', points: 10 },
      'equal-shares-add1-greedy',
      { G1: { cost: 60 }, G2: { cost: 20 }, G3: { cost: 40 } },
      ({ G1, G2, G3 }) => [{ points: { [G3]: 10 } }, { points: { [G1]: 9, [G2]: 1 } }, { points: { [G1]: 10 } }],
      90,
    );
    // Pot 90, 3 voters: shares start at 30; a supporter pays price × points, at most their share b.
    // G1 (voter 2: 9 points, voter 3: 10) always has the lowest price per point (at most b/9, against
    // 20 for G2 and 4 for G3), so it goes first; afterwards voter 2 keeps at most b − 60·9/19 < 20
    // for b < 48, so G2 stays out. G3 needs voter 1 alone to pay 40: b ≥ 40. So b = 30 … 39 give
    // {G1} (30 left, G2 would fit: not exhaustive) and b = 40 gives {G1, G3} = 100 > 90: keep b = 39.
    // At 39 nobody is capped: 60/19 ≈ £3.16 per point. Greedy fill of the 30 left: G2 and G3 each
    // have 1 voter; the cheaper G2 (20) first fits (10 left); G3 (40) does not.
    expect(pot.funded).toEqual([G1, G2]);
    expect(pot.ruleKey).toBe('mes_points_add1_greedy');
    expect(pot.spent).toBe(80);
    expect(pot.equalShares).toMatchObject({
      budgetPerVoterStart: '30',
      budgetPerVoterUsed: '39',
      costSharing: [
        { projectId: G1, paidInFull: 2, paidEverythingLeft: 0, price: '3.16', priceUnit: 'point', paidInFullTotal: '60', stage: 'equal-shares' },
        { projectId: G2, cost: 20, paidInFull: 0, paidEverythingLeft: 0, stage: 'completion' },
      ],
    });
    expect(pot.projects.find((p) => p.id === G2)?.reason).toMatch(/^Funded with money left over in the pot after the equal-shares steps, not from voters' shares: with points from 1 voter it came next in order of how many voters gave them points/);
    await checkExportRoundTrip(t, cycle.id, pot);
  });

  it('sequential Phragmén spreads loads and stops at the first project that does not fit', async () => {
    const cycle = await instanceOne('phragmen');
    const { P1, P2, P3 } = idsOf(cycle, 'P1', 'P2', 'P3');
    const results = await countAndPublish(t, cycle);
    const pot = potOf(results, cycle.potA);
    // Round 1 new loads: P1 50/3 = 16.67, P2 45/3 = 15, P3 50/2 = 25 → P2 (55 left).
    // Round 2: P1 (3 × 15 + 50)/3 = 31.67, P3 25 → P3 (5 left). Round 3: P1 is next but costs 50 > 5: stop.
    expect(pot.funded).toEqual([P2, P3]);
    expect(pot.ruleKey).toBe('seq_phragmen');
    expect(pot.projects.find((p) => p.id === P1)).toMatchObject({ funded: false, decision: 'not reached' });
    expect(pot.explanation.map((s) => s.text).join('\n')).toMatch(/Round 2: .* now carries a load of £25\. £5 left\./);
    await checkExportRoundTrip(t, cycle.id, pot);
  });

  it('maximum welfare funds the combination with the most votes × cost, where greedy would not', async () => {
    const {
      cycle,
      ids: { A, B, C },
      pot,
    } = await countPotA({ kind: 'approval' }, 'max-welfare', { A: { cost: 60 }, B: { cost: 50 }, C: { cost: 50 } }, ({ A, B, C }) => [
      { projects: [A] },
      { projects: [A] },
      { projects: [A, B] },
      { projects: [B, C] },
      { projects: [C] },
    ]);
    // Votes: A 3, B 2, C 2. Greedy takes A (60) and then neither B nor C fits: welfare 3 × 60 = 180.
    // Sets that fit: {A} 180, {B} 100, {C} 100, {B, C} 2 × 50 + 2 × 50 = 200 → {B, C}.
    expect([...pot.funded].sort()).toEqual([B, C].sort());
    expect(pot.ruleKey).toBe('max_welfare_cost_sat');
    expect(pot.spent).toBe(100);
    expect(pot.projects.find((p) => p.id === A)).toMatchObject({ funded: false, decision: 'skipped', votes: 3 });
    await checkExportRoundTrip(t, cycle.id, pot);
  });

  it('greedy on knapsack ballots counts each chosen project as a vote, and the export keeps the spending limits', async () => {
    const {
      cycle,
      ids: { K2, K3 },
      pot,
    } = await countPotA(
      { kind: 'knapsack', minSpend: { unit: 'percent', value: 50 } },
      'greedy',
      { K1: { cost: 60 }, K2: { cost: 50 }, K3: { cost: 40 } },
      ({ K1, K2, K3 }) => [{ projects: [K1, K3] }, { projects: [K2, K3] }, { projects: [K1] }, { projects: [K2] }],
    );
    // Every project is on 2 ballots; the cheaper goes first: K3 (40, 60 left), K2 (50, 10 left); K1 (60) skipped.
    expect(pot.funded).toEqual([K3, K2]);
    expect(pot.ballotKind).toBe('knapsack');
    const { text } = await checkExportRoundTrip(t, cycle.id, pot);
    expect(text).toMatch(/^vote_type;approval$/m);
    expect(text).toMatch(/^min_sum_cost;50$/m);
    expect(text).toMatch(/^max_sum_cost;100$/m);
  });

  it('greedy on cumulative ballots ranks by points', async () => {
    const {
      cycle,
      ids: { Q1, Q2, Q3 },
      pot,
    } = await countPotA({ kind: 'cumulative', points: 10 }, 'greedy', { Q1: { cost: 60 }, Q2: { cost: 50 }, Q3: { cost: 40 } }, ({ Q1, Q2, Q3 }) => [
      { points: { [Q1]: 10 } },
      { points: { [Q1]: 6, [Q2]: 4 } },
      { points: { [Q2]: 5, [Q3]: 5 } },
      { points: { [Q3]: 10 } },
    ]);
    // Points: Q1 10 + 6 = 16, Q2 4 + 5 = 9, Q3 5 + 10 = 15 (each on 2 ballots). Q1 (60) → 40 left;
    // Q3 (40) fits → 0 left; Q2 skipped. (By votes alone all tie and the cheaper Q3, Q2 would win.)
    expect(pot.funded).toEqual([Q1, Q3]);
    expect(pot.ruleKey).toBe('greedy_score');
    expect(pot.projects.map((p) => [p.id, p.votes, p.score])).toEqual([
      [Q1, 2, 16],
      [Q3, 2, 15],
      [Q2, 2, 9],
    ]);
    const { text } = await checkExportRoundTrip(t, cycle.id, pot);
    expect(text).toMatch(/^VOTES\nvoter_id;vote;points$/m);
    expect(text).toMatch(/^max_sum_points;10$/m);
  });

  it('equal shares on cumulative ballots makes supporters pay per point they gave', async () => {
    const {
      cycle,
      ids: { S1, S2 },
      pot,
    } = await pointsInstance('equal-shares');
    // 4 voters, 25 each; a supporter pays price × their points, at most what they have.
    // S2 (voter 2: 5 points, voter 3: 10): 10ρ ≥ 25 caps voter 3 at 25, so 25 + 5ρ = 40, ρ = 3.
    // S1 (voter 1: 10, voter 2: 5): even both paying all they have, 25 + 25 = 50 < 60. S3: 25 < 50.
    // So S2 at 3 per point; then voters 1 and 2 have 25 + 10 = 35 < 60 for S1, voter 4 25 < 50: stop.
    // (Greedy by points would fund S2 and S1: they tie on 15 points and S2 is cheaper.)
    expect(pot.funded).toEqual([S2]);
    expect(pot.ruleKey).toBe('mes_points');
    expect(pot.equalShares?.costSharing).toEqual([
      { projectId: S2, cost: 40, paidInFull: 1, paidEverythingLeft: 1, price: '3', priceUnit: 'point', paidInFullTotal: '15', paidEverythingLeftTotal: '25', stage: 'equal-shares' },
    ]);
    expect(pot.projects.find((p) => p.id === S1)).toMatchObject({ funded: false, votes: 2, score: 15 });
    await checkExportRoundTrip(t, cycle.id, pot);
  });

  it('equal shares with the add-one completion on cumulative ballots raises the shares until the pot is used', async () => {
    const {
      cycle,
      ids: { S1, S2 },
      pot,
    } = await pointsInstance('equal-shares-add1');
    // Same ballots as above; each share b rises from 25 by 1. S2 goes first at 40/15 = 2.67 per
    // point once b ≥ 26.67 (voter 2 pays 13.33, voter 3 26.67). S1 then needs voter 1's b and
    // voter 2's b − 13.33 to reach 60: b ≥ 36.67. At b = 37: S2, then S1 (voter 1 pays all 37,
    // voter 2 pays 23 = 5 × 4.6), 100 spent, nothing left for S3 (50): exhaustive, stop.
    expect(pot.funded).toEqual([S2, S1]);
    expect(pot.ruleKey).toBe('mes_points_add1');
    expect(pot.equalShares).toMatchObject({
      budgetPerVoterStart: '25',
      budgetPerVoterUsed: '37',
      costSharing: [
        { projectId: S2, paidInFull: 2, paidEverythingLeft: 0, price: '2.67', priceUnit: 'point' },
        { projectId: S1, paidInFull: 1, paidEverythingLeft: 1, price: '4.6', paidInFullTotal: '23', paidEverythingLeftTotal: '37' },
      ],
    });
    await checkExportRoundTrip(t, cycle.id, pot);
  });

  it('greedy on ranked ballots ranks by Borda points', async () => {
    const {
      cycle,
      ids: { R1, R2, R3 },
      pot,
    } = await countPotA({ kind: 'ranked', maxRanks: 3 }, 'greedy', { R1: { cost: 60 }, R2: { cost: 50 }, R3: { cost: 40 } }, ({ R1, R2, R3 }) => [
      { ranking: [R1, R2] },
      { ranking: [R1, R3] },
      { ranking: [R1] },
      { ranking: [R2, R3] },
    ]);
    // A ballot ranking L projects gives L, L-1, … 1: R1 2 + 2 + 1 = 5, R2 1 + 2 = 3, R3 1 + 1 = 2.
    // R1 (60) → 40 left; R2 (50) does not fit, skipped; R3 (40) fits → 0 left.
    expect(pot.funded).toEqual([R1, R3]);
    expect(pot.projects.map((p) => [p.id, p.decision, p.votes, p.score])).toEqual([
      [R1, 'funded', 3, 5],
      [R3, 'funded', 2, 2],
      [R2, 'skipped', 2, 3],
    ]);
    const { text } = await checkExportRoundTrip(t, cycle.id, pot);
    expect(text).toMatch(/^vote_type;ordinal$/m);
    expect(text).toMatch(/^max_length;3$/m);
  });
});
