/**
 * One API instance for `voting.bench.ts`, in its own process: builds the app with the config the
 * bench hands over (JSON in ALLOT_BENCH_CONFIG), its own pool on ALLOT_BENCH_DATABASE_URL, listens
 * on an ephemeral port and reports it to the parent over IPC, and on request its CPU and database
 * round trips so far. Ends on SIGTERM or when the parent goes.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../apps/api/src/app';
import { createPostgresDatabase } from '../apps/api/src/db/client';
import type { AppConfig } from '../apps/api/src/env';

/**
 * Database round trips of this process: every query of a pooled `pg` client is one (BEGIN and
 * COMMIT included; a named prepared statement is parsed once per connection, then sent as one
 * Bind/Execute/Sync message).
 */
let roundTrips = 0;

async function main(): Promise<void> {
  const config = JSON.parse(process.env.ALLOT_BENCH_CONFIG ?? '') as AppConfig;
  const url = process.env.ALLOT_BENCH_DATABASE_URL ?? '';
  const database = createPostgresDatabase({
    url,
    poolMax: config.dbPoolMax,
    connectionTimeoutMs: config.dbConnectionTimeoutMs,
    statementTimeoutMs: config.dbStatementTimeoutMs,
  });
  database.pool?.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      roundTrips += 1;
      return query(...args);
    }) as typeof client.query;
  });
  const app = await buildApp({ config, database, closeDatabaseOnClose: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage(), roundTrips });
    if (message === 'stop') void stop();
  });
  process.send?.({ port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
