import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

/** The drizzle handle every repository speaks; a transaction handle has the same shape. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The rows of a raw statement's result: node-postgres answers `{ rows }`, so does PGlite; some paths an array. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** The repository-level folder drizzle-kit writes to (apps/api/src/db → ../../../../migrations). */
export const migrationsFolder = fileURLToPath(new URL('../../../../migrations', import.meta.url));

/** Serialises start-up migrations when several API instances boot against one database. */
const MIGRATION_LOCK_KEY = 748_215_309;

export interface Database {
  kind: 'postgres' | 'pglite';
  db: Db;
  /** Present for PostgreSQL only (tests use it to exhaust the pool). */
  pool?: pg.Pool;
  migrate(): Promise<void>;
  /** Throws unless the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface PostgresOptions {
  url: string;
  poolMax: number;
  /** How long a request waits for a free connection before it is answered 503. */
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  onPoolError?: (error: Error) => void;
}

export function createPostgresDatabase(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
    application_name: 'allot-api',
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => options.onPoolError?.(error));
  const db: Db = drizzlePg(pool, { schema });
  let closed = false;
  return {
    kind: 'postgres',
    db,
    pool,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migratePg(drizzlePg(client), { migrationsFolder });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is single-process: a second process (say, the admin CLI while the server runs) would
 * corrupt the folder. A pid lock file refuses that with a clear message; a lock left by a
 * process that no longer exists is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'allot.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && processIsAlive(holder)) {
        throw new DataDirInUseError(
          `The embedded database in ${dataDir} is in use by process ${holder}; stop it first (PGlite allows one process at a time)`,
        );
      }
      unlinkSync(file);
    }
  }
}

/** Embedded PostgreSQL: in `dataDir` on disk, or in memory when no folder is given (tests). */
export async function createPgliteDatabase(dataDir?: string): Promise<Database> {
  let unlock = (): void => undefined;
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const db: Db = drizzlePglite(client, { schema });
  return {
    kind: 'pglite',
    db,
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    async ping() {
      await client.query('SELECT 1');
    },
    async close() {
      if (!client.closed) await client.close();
      unlock();
    },
  };
}
