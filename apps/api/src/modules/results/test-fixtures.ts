/**
 * Arranging a cycle in voting whose ward pot holds the projects a test names, casting ballots
 * through the API, and checking the open data. Test-only: nothing imports it at run time.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { parsePabulib, parseTieBreak, runRule, type Instance } from '@allot/tally';
import type { BallotSettings, CommunityContribution, CycleResults, PotResult, PotSelection, TallyRule } from '@allot/shared';
import { createAccount, createWard, type TestApp } from '../../../test/helpers';
import { arrangeVoter, openWindow, type Voter } from '../ballots/test-fixtures';
import { listPots, setPhase } from '../cycles/cycles.repository';
import { createCycle } from '../cycles/cycles.service';
import { arrangeProposal, cycleInput } from '../cycles/test-fixtures';
import { setStatus } from '../proposals/proposals.repository';
import { upsertReview } from '../reviews/reviews.repository';

export interface ResultsCycle {
  id: string;
  wardA: string;
  potA: string;
  cityPot: string;
  /** Project ids by the label the test gave them. */
  ids: Record<string, string>;
  /** A proposal of pot A that staff found not feasible (never on the ballot). */
  notFeasible: string;
  admin: Voter;
}

export interface ProjectSpec {
  cost: number;
  title?: string;
  contribution?: CommunityContribution;
}

/**
 * A cycle in voting (window open now) with one ward pot of `budget` holding `projects` and a
 * city-wide pot of 1,000 with one project, under `rule` with tie-break lower cost, then id.
 */
export async function arrangeResultsCycle(
  t: TestApp,
  options: { ballot: BallotSettings; rule: TallyRule; budget: number; projects: Record<string, ProjectSpec> },
): Promise<ResultsCycle> {
  const wardA = (await createWard(t.db)).id;
  const city = 1_000;
  const cycle = await createCycle(
    t.db,
    { userId: null },
    cycleInput([wardA], {
      totalBudget: options.budget + city,
      pots: [
        { wardId: wardA, budget: options.budget },
        { wardId: null, budget: city },
      ],
      schedule: openWindow(),
      ballot: options.ballot,
      tally: { rule: options.rule, tieBreak: ['lowerCost', 'id'] },
      eligibility: { wardEstablishment: 'self-declared' },
    }),
  );
  const pots: Record<string, string> = {};
  for (const pot of await listPots(t.db, cycle.id)) pots[pot.wardId ?? 'city'] = pot.id;
  const potA = pots[wardA] ?? '';
  const cityPot = pots.city ?? '';
  const author = await createAccount(t.db, { homeWardId: wardA });
  const arranged = { id: cycle.id, wardIds: [wardA], pots, cityPotId: cityPot, roundIds: [] };
  const propose = async (potId: string, spec: ProjectSpec, verdict: 'feasible' | 'not_feasible' = 'feasible'): Promise<string> => {
    const id = await arrangeProposal(t.db, arranged, author.id, { potId, estimatedCost: spec.cost, status: 'shortlisted', title: spec.title ?? `Project costing ${spec.cost}` });
    if (spec.contribution !== undefined) await t.db.execute(sql`update proposals set contribution = ${JSON.stringify(spec.contribution)}::jsonb where id = ${id}`);
    await upsertReview(t.db, id, null, {
      verdict,
      costEstimate: spec.cost,
      breakdown: [{ item: 'Works', amount: spec.cost }],
      publicExplanation: verdict === 'feasible' ? null : 'Not on council land',
    });
    await setStatus(t.db, [id], verdict);
    return id;
  };
  const ids: Record<string, string> = {};
  for (const [label, spec] of Object.entries(options.projects)) ids[label] = await propose(potA, spec);
  ids.cityProject = await propose(cityPot, { cost: 600, title: 'City-wide tree planting' });
  const notFeasible = await propose(potA, { cost: 10, title: 'Not feasible idea' }, 'not_feasible');
  await setPhase(t.db, cycle.id, 'voting');
  const admin = await arrangeVoter(t, { wardId: null, roles: ['admin'] });
  return { id: cycle.id, wardA, potA, cityPot, ids, notFeasible, admin };
}

/** The ids of the projects labelled `labels`. */
export function idsOf<K extends string>(cycle: ResultsCycle, ...labels: K[]): Record<K, string> {
  return Object.fromEntries(labels.map((label) => [label, cycle.ids[label] ?? ''])) as Record<K, string>;
}

/** Casts each ballot through `PUT /ballot`, one new resident of ward A per ballot; returns the voters. */
export async function castBallots(t: TestApp, cycle: ResultsCycle, ballots: PotSelection[][]): Promise<Voter[]> {
  const voters: Voter[] = [];
  for (const selections of ballots) {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const response = await t.http().put(`/api/cycles/${cycle.id}/ballot`).set(voter.auth).send({ selections });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    voters.push(voter);
  }
  return voters;
}

/** Admin moves the cycle to counting, counts, publishes; returns the published results. */
export async function countAndPublish(t: TestApp, cycle: ResultsCycle): Promise<CycleResults> {
  const moved = await t.http().post(`/api/cycles/${cycle.id}/phase`).set(cycle.admin.auth).send({ to: 'counting' });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  const tallied = await t.http().post(`/api/cycles/${cycle.id}/tally`).set(cycle.admin.auth);
  expect(tallied.status, JSON.stringify(tallied.body)).toBe(200);
  expect(tallied.body.status).toBe('tallied');
  const published = await t.http().post(`/api/cycles/${cycle.id}/publish`).set(cycle.admin.auth);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  expect(published.body.status).toBe('published');
  expect(published.body.resultHash).toBe(tallied.body.resultHash);
  const read = await t.http().get(`/api/cycles/${cycle.id}/results`);
  expect(read.status).toBe(200);
  return read.body as CycleResults;
}

export function potOf(results: CycleResults, potId: string): PotResult {
  const pot = results.pots.find((p) => p.potId === potId);
  if (pot === undefined) throw new Error(`no result for pot ${potId}`);
  return pot;
}

/**
 * The pot's ballots hash recomputed from a parsed export by the README's recipe, independently of
 * the module's code: one line per ballot (approval ids sorted; cumulative `id:points` sorted by id;
 * ordinal in order), lines sorted, each followed by a newline, SHA-256 hex.
 */
export function ballotsHashFromFile(instance: Instance): string {
  const ids = instance.projects.map((p) => p.id);
  const lines = instance.ballots.map((ballot) => {
    const chosen = ballot.projects.map((i) => ids[i] ?? '?');
    if (instance.voteType === 'cumulative') {
      return chosen
        .map((id, i) => [id, ballot.points?.[i] ?? 0] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, points]) => `${id}:${points}`)
        .join(',');
    }
    return instance.voteType === 'ordinal' ? chosen.join(',') : [...chosen].sort().join(',');
  });
  lines.sort();
  return createHash('sha256').update(lines.map((line) => `${line}\n`).join('')).digest('hex');
}

/**
 * Downloads the pot's Pabulib export, parses it, re-counts it with the engine's registry under the
 * file's own `rule` and `tie_break`, and checks the outcome is exactly `funded` and the ballots
 * hash matches. Returns the file text and the parsed instance.
 */
export async function checkExportRoundTrip(t: TestApp, cycleId: string, pot: PotResult): Promise<{ text: string; instance: Instance }> {
  const response = await t.http().get(`/api/cycles/${cycleId}/export.pb`).query({ pot: pot.potId });
  expect(response.status, response.text).toBe(200);
  expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9_-]+\.pb"$/);
  const instance = parsePabulib(response.text);
  expect(instance.meta.get('rule')).toBe(pot.ruleKey);
  expect(instance.meta.get('tie_break')).toBe(pot.tieBreak.join(','));
  expect(instance.meta.get('num_votes')).toBe(String(pot.ballots));
  expect(instance.ballots.map((b) => b.voterId)).toEqual(Array.from({ length: pot.ballots }, (_, i) => String(i + 1)));
  const tieBreak = parseTieBreak(instance.meta.get('tie_break') ?? '');
  const recount = runRule(pot.ruleKey, instance, { tieBreak });
  expect(recount.selected).toEqual(pot.funded);
  expect(ballotsHashFromFile(instance)).toBe(pot.ballotsHash);
  for (const project of pot.projects) {
    const row = instance.projects.find((p) => p.id === project.id);
    expect(row?.cost).toBe(BigInt(project.cost));
    expect(row?.fields.selected).toBe(project.funded ? '1' : '0');
    expect(row?.fields.votes).toBe(String(project.votes));
  }
  return { text: response.text, instance };
}
