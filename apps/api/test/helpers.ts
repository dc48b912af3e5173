import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import supertest from 'supertest';
import { afterAll, beforeAll, inject } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '@allot/shared';
import { buildApp } from '../src/app';
import { createPgliteDatabase, createPostgresDatabase, rowsOf, type Database, type Db, type PostgresOptions } from '../src/db/client';
import type { AppConfig } from '../src/env';
import { hashPassword } from '../src/modules/auth/password';
import { addRoles, insertUser, replaceRoles } from '../src/modules/users/users.repository';
import { insertWard } from '../src/modules/wards/wards.repository';
import { databaseUrlFor } from './database-url';

/** True when tests run against a real PostgreSQL server (DATABASE_URL set, as in CI). */
export const usingPostgres = inject('templateDatabase') !== '';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const TEST_PASSWORD = 'correct horse battery';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: '/nonexistent-allot-test-data',
    jwtSecret: TEST_JWT_SECRET,
    ballotSecret: 'test-ballot-secret-that-is-long-enough-0123456789',
    demoPassword: 'allot-demo-2026',
    seedDemo: false,
    webDist: '/nonexistent-allot-web-dist',
    logLevel: 'silent',
    cookieSecure: false,
    dbPoolMax: 5,
    dbConnectionTimeoutMs: 5_000,
    dbStatementTimeoutMs: 15_000,
    trustProxy: false,
    authRateLimit: { max: 10_000, windowMs: 60_000 },
    ...overrides,
  };
}

export interface TestDatabase {
  database: Database;
  /** Connection string of this file's database (PostgreSQL only). */
  url: string | undefined;
  /** Closes the handle and drops the database. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a clone of the run's template on PostgreSQL,
 * or an in-memory PGlite when DATABASE_URL is unset.
 */
export async function createTestDatabase(poolOptions: Partial<PostgresOptions> = {}): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  const baseUrl = process.env.DATABASE_URL;
  if (template === '' || baseUrl === undefined) {
    const database = await createPgliteDatabase();
    await database.migrate();
    return { database, url: undefined, dispose: () => database.close() };
  }
  const name = `allot_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = databaseUrlFor(baseUrl, name);
  const database = createPostgresDatabase({
    url,
    poolMax: 5,
    connectionTimeoutMs: 5_000,
    statementTimeoutMs: 15_000,
    ...poolOptions,
  });
  return {
    database,
    url,
    async dispose() {
      await database.close();
      await adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(baseUrl: string, text: string): Promise<void> {
  // Cloning fails if another session is briefly connected to the template; retry a few times.
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(text);
      return;
    } catch (error) {
      if (attempt >= 5 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    } finally {
      await client.end();
    }
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: Database;
  url: string | undefined;
  http(): supertest.Agent;
}

/**
 * Registers beforeAll/afterAll hooks that give the test file a fresh database and an app
 * built with `buildApp`. Fields are filled in before the first test runs.
 */
export function useTestApp(overrides: Partial<AppConfig> = {}): TestApp {
  const context = {} as TestApp;
  let testDatabase: TestDatabase | undefined;
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    const app = await buildApp({ config: testConfig(overrides), database: testDatabase.database });
    Object.assign(context, {
      app,
      db: testDatabase.database.db,
      database: testDatabase.database,
      url: testDatabase.url,
      http: () => supertest.agent(app.server),
    });
  });
  afterAll(async () => {
    await context.app?.close();
    await testDatabase?.dispose();
  });
  return context;
}

let counter = 0;
/** A unique, valid email for this test file. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString('hex')}@example.test`;
}

export async function createWard(db: Db, code = `W${randomBytes(2).toString('hex').toUpperCase()}`) {
  return insertWard(db, { name: `Ward ${code}`, code, population: 1000 });
}

export interface AccountSpec {
  email?: string;
  password?: string;
  roles?: Role[];
  homeWardId?: string | null;
  councillorWardIds?: string[];
  birthYear?: number | null;
  displayName?: string;
}

let defaultPasswordHash: Promise<string> | undefined;

/** Creates an account straight in the database (for arranging tests), returning its id and email. */
export async function createAccount(db: Db, spec: AccountSpec = {}): Promise<{ id: string; email: string; password: string }> {
  const email = spec.email ?? uniqueEmail();
  const password = spec.password ?? TEST_PASSWORD;
  const { id } = await insertUser(db, {
    email,
    // argon2id is deliberately slow: hash the shared test password once per file.
    passwordHash: await (password === TEST_PASSWORD ? (defaultPasswordHash ??= hashPassword(TEST_PASSWORD)) : hashPassword(password)),
    displayName: spec.displayName ?? 'Test Person',
    homeWardId: spec.homeWardId ?? null,
    birthYear: spec.birthYear === undefined ? 1990 : spec.birthYear,
  });
  const roles = spec.roles ?? ['resident'];
  if (spec.councillorWardIds !== undefined) await replaceRoles(db, id, roles, spec.councillorWardIds);
  else await addRoles(db, id, roles);
  return { id, email, password };
}

export interface SignedIn {
  accessToken: string;
  /** The `allot_refresh=…` cookie pair, ready for a Cookie header. */
  refreshCookie: string;
  userId: string;
}

export function refreshCookieFrom(response: supertest.Response): string {
  const raw = response.headers['set-cookie'] as unknown;
  const cookies = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  const cookie = cookies.find((c) => c.startsWith('allot_refresh='));
  if (cookie === undefined) throw new Error('response set no refresh cookie');
  return cookie.split(';')[0] ?? '';
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<SignedIn> {
  const response = await supertest(app.server).post('/api/auth/login').send({ email, password });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  const body = response.body as { accessToken: string; user: { id: string } };
  return { accessToken: body.accessToken, refreshCookie: refreshCookieFrom(response), userId: body.user.id };
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** Creates an account (as `createAccount`) and signs it in; returns its id and the header to send. */
export async function createSignedInAccount(t: TestApp, spec: AccountSpec = {}): Promise<{ id: string; auth: { authorization: string } }> {
  const account = await createAccount(t.db, spec);
  return { id: account.id, auth: bearer((await signIn(t.app, account.email, account.password)).accessToken) };
}

/** Row count of a table (or of a query) — to assert that a refused request changed nothing. */
export async function count(db: Db, from: SQL): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${from}`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** Asserts the one error envelope shape and returns it for further checks. */
export function expectEnvelope(
  response: supertest.Response,
  statusCode: number,
): { statusCode: number; error: string; message: string; requestId: string; issues?: { path: string; message: string }[] } {
  const body = response.body as Record<string, unknown>;
  if (response.status !== statusCode || body.statusCode !== statusCode || typeof body.message !== 'string' || typeof body.requestId !== 'string' || typeof body.error !== 'string') {
    throw new Error(`expected a ${statusCode} error envelope, got ${response.status} ${JSON.stringify(body)}`);
  }
  return body as ReturnType<typeof expectEnvelope>;
}
