import { Writable } from 'node:stream';
import Fastify from 'fastify';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createPostgresDatabase } from '../../db/client';
import errorHandler from '../../plugins/error-handler';
import { expectEnvelope, testConfig, usingPostgres, useTestApp } from '../../../test/helpers';

const t = useTestApp();

describe('health and readiness', () => {
  it('answers /api/health without touching the database', async () => {
    const response = await t.http().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers /api/ready when the database answers', async () => {
    const response = await t.http().get('/api/ready');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ready');
  });

  it('answers /api/ready with 503 in the envelope when the database is gone', async () => {
    const database = {
      ...t.database,
      ping: () => Promise.reject(new Error('connection refused')),
    };
    const app = await buildApp({ config: testConfig(), database });
    try {
      expectEnvelope(await supertest(app.server).get('/api/ready'), 503);
      expect((await supertest(app.server).get('/api/health')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('the error envelope', () => {
  it('answers unknown API routes with 404 in the envelope', async () => {
    const response = await t.http().get('/api/no-such-thing');
    const envelope = expectEnvelope(response, 404);
    expect(envelope.error).toBe('Not Found');
    expect(envelope.requestId).toBe(response.headers['x-request-id']);
  });

  it('keeps a sane incoming x-request-id so logs line up with a load balancer', async () => {
    const response = await t.http().get('/api/no-such-thing').set('x-request-id', 'lb-1234');
    expect(expectEnvelope(response, 404).requestId).toBe('lb-1234');
  });

  it('answers 415 in the envelope for a body that is not JSON', async () => {
    const response = await t.http().post('/api/auth/login').set('content-type', 'text/plain').send('hello');
    expectEnvelope(response, 415);
  });

  it('answers an unexpected failure with 500 that shows no internals', async () => {
    const app = Fastify({ logger: false });
    await app.register(errorHandler, { spaFallback: false });
    app.get('/boom', async () => {
      throw new Error('relation "secret_table" does not exist at /srv/app/db.ts:42');
    });
    await app.ready();
    try {
      const response = await supertest(app.server).get('/boom');
      const envelope = expectEnvelope(response, 500);
      expect(JSON.stringify(envelope)).not.toMatch(/secret_table|db\.ts|stack/);
    } finally {
      await app.close();
    }
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy that allows only same-origin scripts and styles', async () => {
    const response = await t.http().get('/api/health');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the API docs page under a policy without inline or eval scripts', async () => {
    const response = await t.http().get('/api/docs/');
    expect(response.status).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });
});

describe('OpenAPI', () => {
  it('lists the foundation routes at /api/docs/json', async () => {
    const response = await t.http().get('/api/docs/json');
    expect(response.status).toBe(200);
    const paths = Object.keys((response.body as { paths: Record<string, unknown> }).paths);
    for (const path of [
      '/api/health',
      '/api/ready',
      '/api/auth/register',
      '/api/auth/login',
      '/api/auth/refresh',
      '/api/auth/logout',
      '/api/me',
      '/api/wards',
      '/api/wards/{id}',
      '/api/users',
      '/api/users/{id}/roles',
      '/api/audit',
    ]) {
      expect(paths).toContain(path);
    }
    const register = (response.body as { paths: Record<string, { post?: { requestBody?: unknown } }> }).paths['/api/auth/register'];
    expect(JSON.stringify(register?.post?.requestBody)).toContain('homeWardId');
  });
});

describe('logging', () => {
  it('logs request ids and never the password, the bearer token or the cookie', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp({ config: testConfig({ logLevel: 'trace' }), database: t.database, logStream: stream });
    try {
      await supertest(app.server)
        .post('/api/auth/login')
        .set('authorization', 'Bearer very-secret-bearer')
        .set('cookie', 'allot_refresh=very-secret-cookie')
        .send({ email: 'nobody@example.test', password: 'very-secret-password' });
      await new Promise((resolve) => setImmediate(resolve));
      const log = lines.join('');
      expect(log).toMatch(/"reqId":"[0-9a-f-]{36}"/);
      expect(log).not.toContain('very-secret');
      // One line per request, with what an operator needs to find it.
      const completed = lines.filter((line) => line.includes('"msg":"request completed"'));
      expect(completed).toHaveLength(1);
      expect(completed[0]).toMatch(/"method":"POST".*"url":"\/api\/auth\/login"/);
      expect(completed[0]).toMatch(/"statusCode":401/);
      expect(completed[0]).toMatch(/"responseTime":\d/);
      expect(lines.some((line) => line.includes('"msg":"incoming request"'))).toBe(false);
    } finally {
      await app.close();
    }
  });
});

describe('database pool', () => {
  it.skipIf(!usingPostgres)('answers 503 in the envelope (not a hang) when no connection frees up in time', async () => {
    const database = createPostgresDatabase({
      url: t.url ?? '',
      poolMax: 1,
      connectionTimeoutMs: 300,
      statementTimeoutMs: 5_000,
    });
    const app = await buildApp({ config: testConfig(), database, closeDatabaseOnClose: true });
    const held = await database.pool?.connect();
    try {
      const started = Date.now();
      const wards = await supertest(app.server).get('/api/wards');
      expectEnvelope(wards, 503);
      expect(Date.now() - started).toBeLessThan(3_000);
      expectEnvelope(await supertest(app.server).get('/api/ready'), 503);
    } finally {
      held?.release();
    }
    expect((await supertest(app.server).get('/api/wards')).status).toBe(200);
    await app.close();
  });
  if (!usingPostgres) {
    console.log('[api tests] skipped pool-exhaustion test: it needs a real PostgreSQL server (set DATABASE_URL)');
  }
});
