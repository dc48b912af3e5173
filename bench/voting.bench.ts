/**
 * Voting throughput: 20,000 distinct voters cast one ballot each through two API instances
 * (buildApp, each in its own child process: `voting-server.ts`) against a fresh PostgreSQL
 * database, with bounded concurrency from this process. Printed beside the same run's ceiling for
 * plain single-row INSERTs through `pg` at the same concurrency. Figures only; never a CI gate.
 *
 *   pnpm bench:voting                       # DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres
 *   pnpm bench:voting --voters=5000 --concurrency=16 --pool=4
 *   LOG_LEVEL=info (default, as production)  the instances' request logs go to /dev/null, but are written
 *   ALLOT_BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'   profile the instances
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../apps/api/src/app';
import { createPostgresDatabase, type Database } from '../apps/api/src/db/client';
import type { AppConfig } from '../apps/api/src/env';
import { signAccessToken } from '../apps/api/src/plugins/auth';
import { listPots, setPhase } from '../apps/api/src/modules/cycles/cycles.repository';
import { createCycle } from '../apps/api/src/modules/cycles/cycles.service';
import { addFeasibleProject } from '../apps/api/src/seed/feasible-project';
import { adminQuery, args, urlFor } from './lib';

const VOTERS = Number(args.get('voters') ?? 20_000);
const CONCURRENCY = Number(args.get('concurrency') ?? 64);
const POOL = Number(args.get('pool') ?? 4); // per instance: 8 backends in all on a 2-core machine
const LOG_LEVEL = (process.env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
const PROJECTS_PER_POT = 8;

function config(): AppConfig {
  return {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: '/nonexistent-allot-bench',
    jwtSecret: `bench-jwt-${randomUUID()}-${randomUUID()}`,
    ballotSecret: `bench-ballot-${randomUUID()}-${randomUUID()}`,
    demoPassword: 'unused-demo-password',
    seedDemo: false,
    webDist: '/nonexistent-allot-web-dist',
    logLevel: LOG_LEVEL,
    cookieSecure: false,
    dbPoolMax: POOL,
    dbConnectionTimeoutMs: 10_000,
    dbStatementTimeoutMs: 30_000,
    trustProxy: false,
    authRateLimit: { max: 1_000_000, windowMs: 60_000 },
  };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `task(i)` for i in [0, n) with at most `concurrency` in flight; returns latencies (ms) and errors. */
async function runBounded(n: number, concurrency: number, task: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        let ok: boolean;
        try {
          ok = await task(i);
        } catch {
          ok = false;
        }
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: n / seconds, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

/**
 * The client: plain node:http over kept-alive connections (lighter than fetch, whose CPU would
 * otherwise be taken from the instances on a 2-core machine). True on a 200.
 */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function put(port: number, path: string, token: string, key: string, body: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': key,
        },
      },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () => resolve(response.statusCode === 200));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface BenchServer {
  child: ChildProcess;
  port: number;
}

/** Forks `voting-server.ts` (through tsx) and waits for the port it listens on. */
function startServer(shared: AppConfig, url: string): Promise<BenchServer> {
  const extra = (process.env.ALLOT_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = fork(new URL('./voting-server.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', ...extra],
    env: { ...process.env, ALLOT_BENCH_CONFIG: JSON.stringify(shared), ALLOT_BENCH_DATABASE_URL: url },
    // The request logs are produced and written as in production, to /dev/null; errors stay visible.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.on('message', (message: { port?: number }) => {
      if (typeof message.port === 'number') resolve({ child, port: message.port });
    });
  });
}

/**
 * CPU (ms) used so far by the PostgreSQL backends serving database `name`, from /proc (Linux, same
 * machine); undefined elsewhere. Backends are pooled, so the same ones serve the whole run.
 */
function postgresCpuMs(name: string): number | undefined {
  try {
    const ticksPerSecond = 100; // USER_HZ on Linux
    let ticks = 0;
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!cmdline.startsWith('postgres:') || !cmdline.includes(` ${name} `)) continue;
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
      } catch {
        // the process ended meanwhile
      }
    }
    return (ticks * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** User + system CPU of a server process so far (microseconds) and its database round trips. */
function cpuOf(server: BenchServer): Promise<{ cpu: number; roundTrips: number }> {
  return new Promise((resolve) => {
    const onMessage = (message: { cpu?: NodeJS.CpuUsage; roundTrips?: number }) => {
      if (message.cpu === undefined) return;
      server.child.off('message', onMessage);
      resolve({ cpu: message.cpu.user + message.cpu.system, roundTrips: message.roundTrips ?? 0 });
    };
    server.child.on('message', onMessage);
    server.child.send('cpu');
  });
}

function stopServer(server: BenchServer): Promise<void> {
  if (server.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.removeAllListeners('exit');
    server.child.once('exit', () => resolve());
    server.child.send('stop');
  });
}

async function arrange(database: Database) {
  const db = database.db;
  const pool = database.pool;
  if (pool === undefined) throw new Error('the benchmark needs PostgreSQL');
  const { rows: wards } = await pool.query<{ id: string }>(
    `insert into wards (name, code, population) values ('Bench North', 'BN', 50000), ('Bench South', 'BS', 50000) returning id`,
  );
  const wardIds = wards.map((ward) => ward.id);
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const cycle = await createCycle(db, { userId: null }, {
    name: 'Bench cycle',
    description: '',
    currency: 'GBP',
    totalBudget: 300_000,
    pots: [...wardIds.map((wardId) => ({ wardId, budget: 100_000 })), { wardId: null, budget: 100_000 }],
    schedule: { voting: { start: day(-1), end: day(1) } },
    rounds: [{ name: 'Round', start: day(-30), end: day(-20), shortlistRule: null }],
    ballot: { kind: 'approval', maxCount: 3 },
    tally: { rule: 'greedy', tieBreak: ['lowerCost', 'id'] },
    eligibility: { wardEstablishment: 'self-declared', minAge: 16 },
  });
  const { rows: authorRows } = await pool.query<{ id: string }>(
    `insert into users (email, password_hash, display_name, home_ward_id, birth_year) values ('author@bench.test', 'x', 'Author', $1, 1980) returning id`,
    [wardIds[0]],
  );
  const authorId = authorRows[0]?.id ?? '';
  const projectsByPot = new Map<string, string[]>();
  for (const pot of await listPots(db, cycle.id)) {
    const ids: string[] = [];
    for (let i = 0; i < PROJECTS_PER_POT; i++) {
      const cost = 5_000 + i * 1_000;
      ids.push(
        await addFeasibleProject(
          db,
          { cycleId: cycle.id, potId: pot.id, title: `Project ${i + 1}`, description: 'Bench project', category: 'other', cost, costItem: 'Works' },
          authorId,
          null,
        ),
      );
    }
    projectsByPot.set(pot.wardId ?? 'city', ids);
  }
  await setPhase(db, cycle.id, 'voting');

  // Voters and their sign-ins, straight into the database in batches.
  const voters: { id: string; sid: string; wardId: string }[] = [];
  const BATCH = 2_000;
  for (let start = 0; start < VOTERS; start += BATCH) {
    const size = Math.min(BATCH, VOTERS - start);
    const { rows } = await pool.query<{ id: string; home_ward_id: string }>(
      `insert into users (email, password_hash, display_name, home_ward_id, birth_year)
       select 'voter' || g || '@bench.test', 'not-a-hash', 'Voter ' || g, ($1::uuid[])[1 + g % 2], 1970 + g % 30
       from generate_series($2::int, $3::int) g returning id, home_ward_id`,
      [wardIds, start, start + size - 1],
    );
    const ids = rows.map((row) => row.id);
    await pool.query(`insert into user_roles (user_id, role) select unnest($1::uuid[]), 'resident'`, [ids]);
    const { rows: families } = await pool.query<{ id: string; user_id: string }>(
      `insert into session_families (user_id, expires_at) select unnest($1::uuid[]), now() + interval '1 day' returning id, user_id`,
      [ids],
    );
    const wardOf = new Map(rows.map((row) => [row.id, row.home_ward_id]));
    for (const family of families) voters.push({ id: family.user_id, sid: family.id, wardId: wardOf.get(family.user_id) ?? '' });
  }
  const potIdOf = new Map((await listPots(db, cycle.id)).map((pot) => [pot.wardId ?? 'city', pot.id]));
  return { cycleId: cycle.id, voters, projectsByPot, potIdOf };
}

async function main(): Promise<void> {
  const name = `allot_bench_voting_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS "${name}"`);
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = urlFor(name);
  const setup = createPostgresDatabase({ url, poolMax: 4, connectionTimeoutMs: 10_000, statementTimeoutMs: 120_000 });
  const databases: Database[] = [setup];
  const servers: BenchServer[] = [];
  try {
    await setup.migrate();
    console.log(`database ${name}: migrated; arranging ${VOTERS} voters…`);
    const arranged = await arrange(setup);
    const shared = config();
    for (let i = 0; i < 2; i++) servers.push(await startServer(shared, url));
    const ports = servers.map((server) => server.port);
    // Tokens are minted with the instances' JWT secret by an app that never listens.
    const signer = await buildApp({ config: { ...shared, logLevel: 'silent' }, database: setup });
    const tokens = arranged.voters.map((voter) => signAccessToken(signer, { sub: voter.id, tv: 0, sid: voter.sid }));
    await signer.close();

    // Warm-up: a few casts per instance (JIT, pools, prepared plans), by voters not counted below.
    const WARM = Math.min(200, Math.floor(VOTERS / 10));
    const cast = async (i: number): Promise<boolean> => {
      const voter = arranged.voters[i];
      if (voter === undefined) return false;
      const ward = arranged.projectsByPot.get(voter.wardId) ?? [];
      const city = arranged.projectsByPot.get('city') ?? [];
      const body = {
        selections: [
          { potId: arranged.potIdOf.get(voter.wardId), projects: [ward[i % ward.length], ward[(i + 3) % ward.length]] },
          { potId: arranged.potIdOf.get('city'), projects: [city[i % city.length]] },
        ],
      };
      return put(ports[i % 2] ?? 0, `/api/cycles/${arranged.cycleId}/ballot`, tokens[i] ?? '', `bench-${i}`, JSON.stringify(body));
    };
    await runBounded(WARM, CONCURRENCY, cast);
    const cpuBefore = process.cpuUsage();
    const serverCpuBefore = await Promise.all(servers.map(cpuOf));
    const postgresBefore = postgresCpuMs(name);
    const castRun = await runBounded(VOTERS - WARM, CONCURRENCY, (i) => cast(i + WARM));
    const cpu = process.cpuUsage(cpuBefore);
    const serverCpuAfter = await Promise.all(servers.map(cpuOf));
    const postgresAfter = postgresCpuMs(name);
    // CPU per ballot, API instances (summed) and client apart: on a shared machine this says
    // more than wall-clock throughput about what the code needs.
    const counted = VOTERS - WARM;
    const clientCpuMs = (cpu.user + cpu.system) / 1000 / counted;
    const serverCpuMs = serverCpuAfter.reduce((sum, after, i) => sum + (after.cpu - (serverCpuBefore[i]?.cpu ?? 0)), 0) / 1000 / counted;
    const roundTrips = serverCpuAfter.reduce((sum, after, i) => sum + (after.roundTrips - (serverCpuBefore[i]?.roundTrips ?? 0)), 0) / counted;

    const { rows: counts } = await (setup.pool as NonNullable<Database['pool']>).query<{ ballots: number; participation: number }>(
      `select (select count(*)::int from ballots) as ballots, (select count(*)::int from participation) as participation`,
    );

    // Ceiling: plain single-row INSERTs through pg, same concurrency, same total pool size.
    const ceilingPool = createPostgresDatabase({ url, poolMax: POOL * 2, connectionTimeoutMs: 10_000, statementTimeoutMs: 30_000 });
    databases.push(ceilingPool);
    await ceilingPool.pool?.query('create table bench_insert (id bigserial primary key, k uuid not null, v text not null)');
    const insertRun = await runBounded(VOTERS - WARM, CONCURRENCY, async (i) => {
      await ceilingPool.pool?.query('insert into bench_insert (k, v) values ($1, $2)', [randomUUID(), `row ${i}`]);
      return true;
    });

    const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU';
    const load = loadavg().map((value) => value.toFixed(1)).join(' / ');
    const fmt = (value: number, digits = 0) => value.toFixed(digits);
    console.log(`\nRun: ${new Date().toISOString()}, ${cpus().length} cores (${cpuModel}), node ${process.version}`);
    console.log(`load average at end (1 / 5 / 15 min): ${load}`);
    console.log(`voters ${VOTERS} (${WARM} warm-up), concurrency ${CONCURRENCY}, pool ${POOL} per instance, 2 instances (own processes), LOG_LEVEL ${LOG_LEVEL}\n`);
    console.log('| workload | ops | seconds | ops/s | p50 ms | p99 ms | errors |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    console.log(`| PUT /ballot (2 instances) | ${VOTERS - WARM} | ${fmt(castRun.seconds, 1)} | ${fmt(castRun.perSecond)} | ${fmt(castRun.p50, 1)} | ${fmt(castRun.p99, 1)} | ${castRun.errors} |`);
    console.log(`| pg single-row INSERT (ceiling) | ${VOTERS - WARM} | ${fmt(insertRun.seconds, 1)} | ${fmt(insertRun.perSecond)} | ${fmt(insertRun.p50, 1)} | ${fmt(insertRun.p99, 1)} | ${insertRun.errors} |`);
    const ratio = castRun.perSecond / insertRun.perSecond;
    console.log(`\nballots/s ÷ insert ceiling = ${fmt(ratio, 2)} (target ≥ 0.33); ballots/s target ≥ 500 with zero errors`);
    console.log(
      `CPU per ballot: API instances ${fmt(serverCpuMs, 2)} ms (summed over both), client ${fmt(clientCpuMs, 2)} ms; ` +
        `i.e. at most ~${fmt(1000 / serverCpuMs)} ballots/s per fully available core for the API alone`,
    );
    console.log(`database round trips per ballot (both instances' pg queries, BEGIN/COMMIT included): ${fmt(roundTrips, 2)}`);
    if (postgresBefore !== undefined && postgresAfter !== undefined) {
      const postgresMs = (postgresAfter - postgresBefore) / counted;
      const total = serverCpuMs + clientCpuMs + postgresMs;
      console.log(
        `PostgreSQL backends: ${fmt(postgresMs, 2)} ms per ballot; all three together ${fmt(total, 2)} ms, ` +
          `so ${cpus().length} fully available cores allow at most ~${fmt((cpus().length * 1000) / total)} ballots/s`,
      );
    }
    console.log(`rows after the run: ballots ${counts[0]?.ballots}, participation ${counts[0]?.participation} (expected ${VOTERS} each)`);
    console.log(
      castRun.perSecond >= 500 && castRun.errors === 0 && ratio >= 1 / 3 ? 'targets: met' : 'targets: NOT met on this run (see the figures above)',
    );
  } finally {
    agent.destroy();
    await Promise.all(servers.map(stopServer));
    for (const database of databases) await database.close();
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
