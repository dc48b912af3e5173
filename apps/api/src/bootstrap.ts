import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { createPgliteDatabase, createPostgresDatabase, type Database } from './db/client';
import type { AppConfig } from './env';
import { resolveBallotSecret, resolveJwtSecret } from './secrets';
import { seedDemo } from './seed/demo';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR) and migrates it. */
export async function openDatabase(config: AppConfig, onPoolError?: (error: Error) => void): Promise<Database> {
  const database =
    config.databaseUrl !== undefined
      ? createPostgresDatabase({
          url: config.databaseUrl,
          poolMax: config.dbPoolMax,
          connectionTimeoutMs: config.dbConnectionTimeoutMs,
          statementTimeoutMs: config.dbStatementTimeoutMs,
          ...(onPoolError !== undefined ? { onPoolError } : {}),
        })
      : await createPgliteDatabase(config.dataDir);
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export interface Bootstrapped {
  app: FastifyInstance;
  /** True when the demo council was seeded (embedded mode, or SEED_DEMO=true). */
  demoSeeded: boolean;
}

/**
 * Everything `server.ts` does before listening: database, migrations, JWT secret, demo seed
 * (embedded mode always; a real DATABASE_URL only with SEED_DEMO=true), then the app.
 */
export async function bootstrap(config: AppConfig): Promise<Bootstrapped> {
  const database = await openDatabase(config);
  try {
    const jwtSecret = resolveJwtSecret(config);
    const ballotSecret = resolveBallotSecret({ ...config, jwtSecret });
    if (config.seedDemo) await seedDemo(database.db, config.demoPassword, { ballotSecret });
    const app = await buildApp({ config: { ...config, jwtSecret, ballotSecret }, database, closeDatabaseOnClose: true });
    database.pool?.on('error', (error) => app.log.warn({ err: error }, 'idle database connection failed'));
    return { app, demoSeeded: config.seedDemo };
  } catch (error) {
    await database.close();
    throw error;
  }
}
