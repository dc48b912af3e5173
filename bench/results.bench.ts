/**
 * Counting at city scale: a counting-phase cycle with 10 ward pots of 10 projects and 100,000
 * ballots (each voter approves projects in their ward's pot, with a seeded popularity skew), counted
 * by `tallyCycle` (read ballots, count every pot under equal shares + add-one, store) in a fresh
 * PostgreSQL database. Also times the pure engine on the same instances. Figures only; never a CI gate.
 *
 *   pnpm bench:results                          # DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres
 *   pnpm bench:results --ballots=20000 --seed=7
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { BallotKind, TallyRule } from '../packages/shared/src/index';
import { createPostgresDatabase, type Database } from '../apps/api/src/db/client';
import { users } from '../apps/api/src/db/schema';
import { listPots, setPhase } from '../apps/api/src/modules/cycles/cycles.repository';
import { createCycle } from '../apps/api/src/modules/cycles/cycles.service';
import { buildInstance, linesByPot, runCount, ruleKeyFor } from '../apps/api/src/modules/results/count';
import { listBallotProjects, listBallotSelections } from '../apps/api/src/modules/results/results.repository';
import { tallyCycle } from '../apps/api/src/modules/results/results.service';
import { insertWard } from '../apps/api/src/modules/wards/wards.repository';
import { addFeasibleProject } from '../apps/api/src/seed/feasible-project';
import { seededRandom } from '../apps/api/src/seed/random';
import { adminQuery, args, urlFor } from './lib';

const BALLOTS = Number(args.get('ballots') ?? 100_000);
const SEED = Number(args.get('seed') ?? 2027);
const WARDS = 10;
const PROJECTS_PER_POT = 10;
const POT_BUDGET = 600_000;
const RULE: TallyRule = 'equal-shares-add1';
const KIND = 'approval' satisfies BallotKind;
const NAME = `allot_bench_results_${process.pid}`;
const INSERT_BATCH = 10_000;

const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

interface Arranged {
  cycleId: string;
  /** Per pot: id and its project ids by popularity (most popular first). */
  pots: { id: string; projects: string[] }[];
}

async function arrange(database: Database, rand: () => number): Promise<Arranged> {
  const db = database.db;
  const wardIds: string[] = [];
  for (let w = 0; w < WARDS; w++) wardIds.push((await insertWard(db, { name: `Ward ${w + 1}`, code: `B${w + 1}`, population: 8_000 + Math.floor(rand() * 8_000) })).id);
  const [author] = await db
    .insert(users)
    .values({ email: 'author@bench.test', passwordHash: 'unused', displayName: 'Bench author', homeWardId: wardIds[0] ?? null, birthYear: 1980 })
    .returning({ id: users.id });
  const cycle = await createCycle(
    db,
    { userId: null },
    {
      name: 'Bench city 2027',
      description: 'Counting benchmark',
      currency: 'GBP',
      totalBudget: POT_BUDGET * WARDS,
      pots: wardIds.map((wardId) => ({ wardId, budget: POT_BUDGET })),
      schedule: {},
      rounds: [{ name: 'Discussion', start: '2027-02-15', end: '2027-03-14', shortlistRule: null }],
      ballot: { kind: KIND },
      tally: { rule: RULE, tieBreak: ['lowerCost', 'id'] },
      eligibility: { wardEstablishment: 'self-declared' },
    },
  );
  const potByWard = new Map((await listPots(db, cycle.id)).map((pot) => [pot.wardId, pot.id]));
  const pots: Arranged['pots'] = [];
  for (const wardId of wardIds) {
    const potId = potByWard.get(wardId) ?? '';
    const projects: string[] = [];
    for (let p = 0; p < PROJECTS_PER_POT; p++) {
      // Costs between 20,000 and 260,000 in steps of 5,000: together about 2.5 × the pot.
      const cost = 20_000 + 5_000 * Math.floor(rand() * 49);
      projects.push(
        await addFeasibleProject(
          db,
          { cycleId: cycle.id, potId, title: `Project ${p + 1}`, description: 'A project for the counting benchmark.', category: 'other', cost, costItem: 'Works' },
          author?.id ?? '',
          null,
        ),
      );
    }
    pots.push({ id: potId, projects });
  }
  return { cycleId: cycle.id, pots };
}

/**
 * Inserts the ballots with multi-row INSERTs over unnest (batches of INSERT_BATCH), as canonical
 * selections: one pot, projects sorted. Project k (by popularity) is approved with probability
 * 0.75 / (k + 1)^0.9, so a few projects are on most ballots and the tail on few; a ballot that
 * drew none approves the ward's favourite. Voters are spread over wards with a skew too.
 */
async function insertBallots(database: Database, arranged: Arranged, rand: () => number): Promise<void> {
  const pool = database.pool;
  if (pool === undefined) throw new Error('the bench needs PostgreSQL');
  const wardWeights = arranged.pots.map((_, w) => 1 / (w + 2));
  const totalWeight = wardWeights.reduce((a, b) => a + b, 0);
  const approve = Array.from({ length: PROJECTS_PER_POT }, (_, k) => 0.75 / (k + 1) ** 0.9);
  for (let start = 0; start < BALLOTS; start += INSERT_BATCH) {
    const tokens: string[] = [];
    const selections: string[] = [];
    const receipts: string[] = [];
    const hashes: string[] = [];
    for (let i = start; i < Math.min(BALLOTS, start + INSERT_BATCH); i++) {
      let pick = rand() * totalWeight;
      let w = 0;
      while (w < wardWeights.length - 1 && (pick -= wardWeights[w] ?? 0) > 0) w++;
      const pot = arranged.pots[w];
      if (pot === undefined) continue;
      const chosen = pot.projects.filter((_, k) => rand() < (approve[k] ?? 0));
      if (chosen.length === 0) chosen.push(pot.projects[0] ?? '');
      const json = JSON.stringify([{ potId: pot.id, projects: chosen.sort() }]);
      tokens.push(randomBytes(16).toString('hex'));
      selections.push(json);
      receipts.push(`BENCH-${i}`);
      hashes.push(createHash('sha256').update(json).digest('hex'));
    }
    await pool.query(
      `insert into ballots (cycle_id, voter_token, selections, receipt, content_hash)
       select $1, t, s::jsonb, r, h from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as u(t, s, r, h)`,
      [arranged.cycleId, tokens, selections, receipts, hashes],
    );
  }
}

async function main(): Promise<void> {
  console.log(`results bench: ${BALLOTS.toLocaleString('en-GB')} ballots, ${WARDS} pots × ${PROJECTS_PER_POT} projects, rule ${RULE}; database ${NAME}`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (before)`);
  await adminQuery(`CREATE DATABASE "${NAME}"`);
  const database = createPostgresDatabase({ url: urlFor(NAME), poolMax: 2, connectionTimeoutMs: 10_000, statementTimeoutMs: 120_000 });
  try {
    await database.migrate();
    const rand = seededRandom(SEED);
    let t0 = performance.now();
    const arranged = await arrange(database, rand);
    await setPhase(database.db, arranged.cycleId, 'voting');
    await insertBallots(database, arranged, rand);
    await setPhase(database.db, arranged.cycleId, 'counting');
    await database.pool?.query('analyze ballots');
    console.log(`arranged and inserted in ${ms(performance.now() - t0)}`);

    const rssBefore = process.resourceUsage().maxRSS;
    const runs: { wall: number; hash: string }[] = [];
    for (let run = 0; run < 2; run++) {
      t0 = performance.now();
      const results = await tallyCycle(database.db, { userId: null, requestId: 'bench' }, arranged.cycleId);
      runs.push({ wall: performance.now() - t0, hash: results.resultHash });
      if (run === 0) {
        const funded = results.pots.map((pot) => pot.funded.length);
        console.log(`counted ${results.summary.ballots.toLocaleString('en-GB')} ballots; funded per pot ${funded.join(' ')}; spent ${results.summary.totalFunded.toLocaleString('en-GB')} of ${results.summary.totalBudget.toLocaleString('en-GB')}`);
      }
    }
    if (runs[0]?.hash !== runs[1]?.hash) throw new Error('two counts of the same ballots gave different result hashes');
    const rssTally = process.resourceUsage().maxRSS;

    // The same path in parts: read, convert to instances, engine.
    t0 = performance.now();
    const selections = await listBallotSelections(database.db, arranged.cycleId);
    const projects = await listBallotProjects(database.db, arranged.cycleId);
    const read = performance.now() - t0;
    t0 = performance.now();
    const lines = linesByPot(selections);
    const instances = arranged.pots.map((pot) =>
      buildInstance(KIND, {
        id: pot.id,
        budget: POT_BUDGET,
        projects: projects.filter((p) => p.potId === pot.id).map((p) => ({ id: p.id, title: p.title, category: p.category, cost: p.cost, contribution: null })),
        lines: lines.get(pot.id) ?? [],
      }).instance,
    );
    const convert = performance.now() - t0;
    t0 = performance.now();
    const key = ruleKeyFor(RULE, KIND);
    for (const instance of instances) runCount(key, instance, ['lowerCost', 'id']);
    const engine = performance.now() - t0;

    const rows: [string, string][] = [
      ['tallyCycle end to end, first run (read + count + store)', ms(runs[0]?.wall ?? 0)],
      ['tallyCycle end to end, second run (recount, replaces the first)', ms(runs[1]?.wall ?? 0)],
      ['  read ballots and projects', ms(read)],
      ['  canonical lines + instances', ms(convert)],
      [`  engine only (${key}, 10 pots)`, ms(engine)],
      ['ballots/s end to end (best run)', Math.round(BALLOTS / (Math.min(...runs.map((r) => r.wall)) / 1000)).toLocaleString('en-GB')],
      ['peak RSS before counting / after', `${mb(rssBefore)} / ${mb(rssTally)}`],
      ['load average (after)', loadavg().map((l) => l.toFixed(2)).join(' ')],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log('');
    for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
    console.log(`\nresult hash ${runs[0]?.hash ?? ''} (same on both runs)`);
    console.log(`rerun: pnpm bench:results${args.size > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`);
  } finally {
    await database.close();
    await adminQuery(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
