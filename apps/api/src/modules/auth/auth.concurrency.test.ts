import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { createPostgresDatabase } from '../../db/client';
import { sessionFamilies, users } from '../../db/schema';
import {
  bearer,
  count,
  createAccount,
  createWard,
  signIn,
  testConfig,
  uniqueEmail,
  usingPostgres,
  useTestApp,
} from '../../../test/helpers';

// Two API instances on one PostgreSQL database, as behind a load balancer.
const t = useTestApp();
let second: FastifyInstance | undefined;

if (!usingPostgres) {
  console.log('[api tests] skipped concurrency tests: they need a real PostgreSQL server (set DATABASE_URL)');
}

beforeAll(async () => {
  if (!usingPostgres) return;
  const database = createPostgresDatabase({ url: t.url ?? '', poolMax: 5, connectionTimeoutMs: 5_000, statementTimeoutMs: 15_000 });
  second = await buildApp({ config: testConfig(), database, closeDatabaseOnClose: true });
});
afterAll(async () => {
  await second?.close();
});

function secondApp(): FastifyInstance {
  if (second === undefined) throw new Error('second instance not started');
  return second;
}

describe.skipIf(!usingPostgres)('auth across concurrent requests and instances', () => {
  it('creates exactly one account when the same email registers on two instances at once', async () => {
    const ward = await createWard(t.db);
    const email = uniqueEmail('race');
    const body = (displayName: string) => ({ email, password: 'a long enough passphrase', displayName, homeWardId: ward.id, birthYear: 1980 });
    const responses = await Promise.all([
      supertest(t.app.server).post('/api/auth/register').send(body('First')),
      supertest(secondApp().server).post('/api/auth/register').send(body('Second')),
      supertest(t.app.server).post('/api/auth/register').send(body('Third')),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await count(t.db, sql`${users} where email = ${email}`)).toBe(1);
  });

  it('lets only one of two simultaneous refreshes with the same token through, and treats the other as reuse', async () => {
    const account = await createAccount(t.db);
    const session = await signIn(t.app, account.email);
    const responses = await Promise.all([
      supertest(t.app.server).post('/api/auth/refresh').set('cookie', session.refreshCookie),
      supertest(secondApp().server).post('/api/auth/refresh').set('cookie', session.refreshCookie),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 401]);
    expect(await count(t.db, sql`${sessionFamilies} where user_id = ${account.id} and revoked_at is not null`)).toBe(1);
  });

  it('ends an access token on every instance as soon as the role changes on one', async () => {
    const admin = await createAccount(t.db, { roles: ['admin'] });
    const adminSession = await signIn(t.app, admin.email);
    const person = await createAccount(t.db, { roles: ['staff'] });
    const personSession = await signIn(secondApp(), person.email);
    expect((await supertest(secondApp().server).get('/api/me').set(bearer(personSession.accessToken))).status).toBe(200);
    await supertest(t.app.server)
      .put(`/api/users/${person.id}/roles`)
      .set(bearer(adminSession.accessToken))
      .send({ roles: ['resident'] })
      .expect(200);
    expect((await supertest(secondApp().server).get('/api/me').set(bearer(personSession.accessToken))).status).toBe(401);
  });
});
