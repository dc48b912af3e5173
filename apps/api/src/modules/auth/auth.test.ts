import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Session } from '@allot/shared';
import { sessionFamilies, userRoles, users } from '../../db/schema';
import {
  bearer,
  count,
  createAccount,
  createWard,
  expectEnvelope,
  refreshCookieFrom,
  signIn,
  TEST_JWT_SECRET,
  uniqueEmail,
  useTestApp,
} from '../../../test/helpers';

const t = useTestApp();
let wardId: string;

beforeAll(async () => {
  wardId = (await createWard(t.db)).id;
});

function registration(overrides: Record<string, unknown> = {}) {
  return {
    email: uniqueEmail('new'),
    password: 'a long enough passphrase',
    displayName: 'Nia Newcomer',
    homeWardId: wardId,
    birthYear: 1990,
    ...overrides,
  };
}

const userCount = () => count(t.db, sql`${users}`);

describe('POST /api/auth/register', () => {
  it('creates a resident, returns a session and sets an httpOnly SameSite=Strict refresh cookie on /api/auth', async () => {
    const body = registration({ email: '  Mixed.Case@Example.TEST ' });
    const response = await t.http().post('/api/auth/register').send(body);
    expect(response.status).toBe(201);
    const session = Session.parse(response.body);
    expect(session.user.email).toBe('mixed.case@example.test');
    expect(session.user.roles).toEqual(['resident']);
    expect(session.user.homeWardId).toBe(wardId);
    expect(session.expiresIn).toBe(900);
    expect(JSON.stringify(response.body)).not.toMatch(/password|hash/i);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join('\n');
    expect(cookie).toMatch(/allot_refresh=[^;]+/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
  });

  const badBodies: [string, () => Record<string, unknown>, string][] = [
    ['a malformed email', () => registration({ email: 'not-an-email' }), 'email'],
    ['a 7-character password', () => registration({ password: 'short12' }), 'password'],
    ['a 129-character password', () => registration({ password: 'x'.repeat(129) }), 'password'],
    ['a missing display name', () => ({ ...registration(), displayName: undefined }), 'displayName'],
    ['a ward id that is not a uuid', () => registration({ homeWardId: 'riverside' }), 'homeWardId'],
    ['a birth year in the future', () => registration({ birthYear: new Date().getUTCFullYear() + 1 }), 'birthYear'],
    ['an unknown extra field', () => registration({ favouriteColour: 'green' }), 'favouriteColour'],
    ['role: "admin"', () => registration({ role: 'admin' }), 'role'],
    ['roles: ["admin"]', () => registration({ roles: ['admin'] }), 'roles'],
  ];

  it.each(badBodies)('answers 400 with issues and creates nothing for %s', async (_name, makeBody, path) => {
    const before = await userCount();
    const body = makeBody();
    const response = await t.http().post('/api/auth/register').send(body);
    const envelope = expectEnvelope(response, 400);
    expect(envelope.issues?.map((issue) => issue.path)).toContain(path);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await userCount()).toBe(before);
    expect(await count(t.db, sql`${users} where lower(email) = lower(${String(body.email)})`)).toBe(0);
  });

  it('never makes an admin from a smuggled role field', async () => {
    const email = uniqueEmail('sneaky');
    await t.http().post('/api/auth/register').send(registration({ email, role: 'admin' }));
    expect(await count(t.db, sql`${userRoles} where role = 'admin'`)).toBe(0);
  });

  it('answers 400 on homeWardId for an unknown ward and creates nothing', async () => {
    const before = await userCount();
    const response = await t
      .http()
      .post('/api/auth/register')
      .send(registration({ homeWardId: '00000000-0000-4000-8000-000000000000' }));
    const envelope = expectEnvelope(response, 400);
    expect(envelope.issues).toEqual([{ path: 'homeWardId', message: expect.any(String) }]);
    expect(await userCount()).toBe(before);
  });

  it('answers 409 for an email that exists, also when it differs only in case, and changes nothing', async () => {
    const email = uniqueEmail('taken');
    expect((await t.http().post('/api/auth/register').send(registration({ email }))).status).toBe(201);
    const before = await userCount();
    const familiesBefore = await count(t.db, sql`${sessionFamilies}`);
    for (const variant of [email, email.toUpperCase()]) {
      const response = await t.http().post('/api/auth/register').send(registration({ email: variant }));
      expect(expectEnvelope(response, 409).issues?.[0]?.path).toBe('email');
    }
    expect(await userCount()).toBe(before);
    expect(await count(t.db, sql`${sessionFamilies}`)).toBe(familiesBefore);
  });

  it('answers 413 in the envelope for a 2 MB body and creates nothing', async () => {
    const before = await userCount();
    const response = await t
      .http()
      .post('/api/auth/register')
      .send(registration({ displayName: 'x'.repeat(2 * 1024 * 1024) }));
    expectEnvelope(response, 413);
    expect(await userCount()).toBe(before);
  });

  it('answers 400 in the envelope for malformed JSON', async () => {
    const response = await t.http().post('/api/auth/register').set('content-type', 'application/json').send('{"email":');
    expectEnvelope(response, 400);
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the right password, whatever the email case', async () => {
    const account = await createAccount(t.db);
    const response = await t.http().post('/api/auth/login').send({ email: account.email.toUpperCase(), password: account.password });
    expect(response.status).toBe(200);
    expect(Session.parse(response.body).user.id).toBe(account.id);
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const account = await createAccount(t.db);
    const wrong = await t.http().post('/api/auth/login').send({ email: account.email, password: 'not the password' });
    const unknown = await t.http().post('/api/auth/login').send({ email: uniqueEmail('ghost'), password: 'not the password' });
    const a = expectEnvelope(wrong, 401);
    const b = expectEnvelope(unknown, 401);
    expect(a.message).toBe(b.message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });
});

describe('GET /api/me and access tokens', () => {
  let account: { id: string; email: string; password: string };
  let accessToken: string;
  beforeAll(async () => {
    account = await createAccount(t.db, { roles: ['resident'] });
    ({ accessToken } = await signIn(t.app, account.email));
  });

  it('returns the signed-in account, marked not to be cached', async () => {
    const response = await t.http().get('/api/me').set(bearer(accessToken));
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.body).toMatchObject({ id: account.id, email: account.email, roles: ['resident'] });
  });

  it('answers 401 without a token', async () => {
    expectEnvelope(await t.http().get('/api/me'), 401);
  });

  function decode(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
    const [header, payload] = token.split('.');
    return {
      header: JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as Record<string, unknown>,
      payload: JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>,
    };
  }
  function forge(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string | null): string {
    const encode = (part: Record<string, unknown>) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode(header)}.${encode(payload)}`;
    if (secret === null) return `${unsigned}.`;
    return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
  }

  it('signs HS256 tokens for issuer allot and audience allot-api that expire in about 15 minutes', () => {
    const { header, payload } = decode(accessToken);
    expect(header.alg).toBe('HS256');
    expect(payload).toMatchObject({ iss: 'allot', aud: 'allot-api', sub: account.id });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(900);
  });

  const forgeries: [string, () => string][] = [
    [
      'a tampered payload',
      () => {
        const [h, , s] = accessToken.split('.');
        const { payload } = decode(accessToken);
        const changed = Buffer.from(JSON.stringify({ ...payload, tv: 99 })).toString('base64url');
        return `${h}.${changed}.${s}`;
      },
    ],
    ['an expired token', () => forge(decode(accessToken).header, { ...decode(accessToken).payload, iat: 1_600_000_000, exp: 1_600_000_900 }, TEST_JWT_SECRET)],
    ['a wrong audience', () => forge(decode(accessToken).header, { ...decode(accessToken).payload, aud: 'someone-else' }, TEST_JWT_SECRET)],
    ['a wrong issuer', () => forge(decode(accessToken).header, { ...decode(accessToken).payload, iss: 'mallory' }, TEST_JWT_SECRET)],
    ['alg: none', () => forge({ alg: 'none', typ: 'JWT' }, decode(accessToken).payload, null)],
    ['another secret', () => forge(decode(accessToken).header, decode(accessToken).payload, 'x'.repeat(48))],
    ['HS512 with the right secret', () => {
      const { payload } = decode(accessToken);
      const encode = (part: Record<string, unknown>) => Buffer.from(JSON.stringify(part)).toString('base64url');
      const unsigned = `${encode({ alg: 'HS512', typ: 'JWT' })}.${encode(payload)}`;
      return `${unsigned}.${createHmac('sha512', TEST_JWT_SECRET).update(unsigned).digest('base64url')}`;
    }],
  ];

  it('accepts a correctly re-signed copy of its own token (so the forgery checks below can fail)', async () => {
    const { header, payload } = decode(accessToken);
    const resigned = forge(header, payload, TEST_JWT_SECRET);
    expect((await t.http().get('/api/me').set(bearer(resigned))).status).toBe(200);
  });

  it.each(forgeries)('answers 401 for %s', async (_name, makeToken) => {
    expectEnvelope(await t.http().get('/api/me').set(bearer(makeToken())), 401);
  });
});

describe('refresh tokens', () => {
  it('rotates: the new cookie works once and gives a working access token', async () => {
    const account = await createAccount(t.db);
    const first = await signIn(t.app, account.email);
    const response = await t.http().post('/api/auth/refresh').set('cookie', first.refreshCookie);
    expect(response.status).toBe(200);
    const second = refreshCookieFrom(response);
    expect(second).not.toBe(first.refreshCookie);
    const me = await t.http().get('/api/me').set(bearer(Session.parse(response.body).accessToken));
    expect(me.body.id).toBe(account.id);
  });

  it('answers 401 without a cookie or with an unknown one', async () => {
    expectEnvelope(await t.http().post('/api/auth/refresh'), 401);
    expectEnvelope(await t.http().post('/api/auth/refresh').set('cookie', 'allot_refresh=made-up'), 401);
  });

  it('revokes the whole family when an already-rotated token is presented again', async () => {
    const account = await createAccount(t.db);
    const first = await signIn(t.app, account.email);
    const rotated = await t.http().post('/api/auth/refresh').set('cookie', first.refreshCookie);
    const second = refreshCookieFrom(rotated);
    const secondAccess = Session.parse(rotated.body).accessToken;

    // An attacker (or a stale tab) replays the first token.
    expectEnvelope(await t.http().post('/api/auth/refresh').set('cookie', first.refreshCookie), 401);

    // The legitimate, newest token and its access token are dead too.
    expectEnvelope(await t.http().post('/api/auth/refresh').set('cookie', second), 401);
    expectEnvelope(await t.http().get('/api/me').set(bearer(secondAccess)), 401);
    expectEnvelope(await t.http().get('/api/me').set(bearer(first.accessToken)), 401);
    expect(
      await count(t.db, sql`${sessionFamilies} where user_id = ${account.id} and revoked_reason = 'refresh token reused'`),
    ).toBe(1);
  });
});

describe('POST /api/auth/logout', () => {
  it('revokes the refresh token and the access token at once', async () => {
    const account = await createAccount(t.db);
    const session = await signIn(t.app, account.email);
    const other = await signIn(t.app, account.email); // another device stays signed in
    const response = await t
      .http()
      .post('/api/auth/logout')
      .set('cookie', session.refreshCookie)
      .set(bearer(session.accessToken));
    expect(response.status).toBe(204);
    expect(String(response.headers['set-cookie'])).toMatch(/allot_refresh=;/);
    expectEnvelope(await t.http().post('/api/auth/refresh').set('cookie', session.refreshCookie), 401);
    expectEnvelope(await t.http().get('/api/me').set(bearer(session.accessToken)), 401);
    expect((await t.http().get('/api/me').set(bearer(other.accessToken))).status).toBe(200);
  });

  it('revokes the session from the cookie alone', async () => {
    const account = await createAccount(t.db);
    const session = await signIn(t.app, account.email);
    expect((await t.http().post('/api/auth/logout').set('cookie', session.refreshCookie)).status).toBe(204);
    expectEnvelope(await t.http().get('/api/me').set(bearer(session.accessToken)), 401);
  });
});
