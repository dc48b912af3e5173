import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { AuditPage, Me, UserList } from '@allot/shared';
import { auditLog, userRoles } from '../../db/schema';
import { bearer, count, createAccount, createWard, expectEnvelope, signIn, useTestApp } from '../../../test/helpers';

const t = useTestApp();
let admin: { id: string; email: string };
let adminToken: string;
let wardId: string;

beforeAll(async () => {
  admin = await createAccount(t.db, { roles: ['admin'], email: 'chief.admin@example.test' });
  adminToken = (await signIn(t.app, admin.email)).accessToken;
  wardId = (await createWard(t.db)).id;
});

describe('GET /api/users', () => {
  it('finds accounts by part of the email, case-insensitively', async () => {
    const target = await createAccount(t.db, { email: 'findable.person@example.test' });
    const response = await t.http().get('/api/users').query({ q: 'FINDABLE' }).set(bearer(adminToken));
    expect(response.status).toBe(200);
    const list = UserList.parse(response.body);
    expect(list.users.map((user) => user.id)).toEqual([target.id]);
    expect(list.total).toBe(1);
    expect(JSON.stringify(response.body)).not.toMatch(/hash|tokenVersion/i);
  });

  it('filters by role', async () => {
    const response = await t.http().get('/api/users').query({ role: 'admin' }).set(bearer(adminToken));
    expect(UserList.parse(response.body).users.map((user) => user.email)).toEqual([admin.email]);
  });

  it('refuses a resident calling the admin route with 403', async () => {
    const resident = await createAccount(t.db);
    const { accessToken } = await signIn(t.app, resident.email);
    expectEnvelope(await t.http().get('/api/users').set(bearer(accessToken)), 403);
  });
});

describe('PUT /api/users/:id/roles', () => {
  it('makes a councillor for a ward, audits it, and signs the account out at once', async () => {
    const person = await createAccount(t.db);
    const session = await signIn(t.app, person.email);
    expect((await t.http().get('/api/me').set(bearer(session.accessToken))).status).toBe(200);

    const response = await t
      .http()
      .put(`/api/users/${person.id}/roles`)
      .set(bearer(adminToken))
      .send({ roles: ['resident', 'councillor'], councillorWardIds: [wardId] });
    expect(response.status).toBe(200);
    expect(Me.parse(response.body)).toMatchObject({ roles: ['resident', 'councillor'], councillorWardIds: [wardId] });

    // The old access token and refresh token stop working immediately.
    expectEnvelope(await t.http().get('/api/me').set(bearer(session.accessToken)), 401);
    expectEnvelope(await t.http().post('/api/auth/refresh').set('cookie', session.refreshCookie), 401);
    // Signing in again shows the new roles.
    const fresh = await signIn(t.app, person.email);
    const me = await t.http().get('/api/me').set(bearer(fresh.accessToken));
    expect(me.body.roles).toEqual(['resident', 'councillor']);
    expect(
      await count(t.db, sql`${auditLog} where action = 'user.roles.set' and target_id = ${person.id} and actor_id = ${admin.id}`),
    ).toBe(1);
  });

  it('ends the admin powers of a demoted admin on their very next request', async () => {
    const other = await createAccount(t.db, { roles: ['admin'] });
    const { accessToken } = await signIn(t.app, other.email);
    expect((await t.http().get('/api/users').set(bearer(accessToken))).status).toBe(200);
    await t.http().put(`/api/users/${other.id}/roles`).set(bearer(adminToken)).send({ roles: ['resident'] }).expect(200);
    expectEnvelope(await t.http().get('/api/users').set(bearer(accessToken)), 401);
  });

  it.each([
    ['a councillor without wards', { roles: ['councillor'] }, 400],
    ['wards for a non-councillor', { roles: ['staff'], councillorWardIds: ['00000000-0000-4000-8000-000000000000'] }, 400],
    ['an unknown ward', { roles: ['councillor'], councillorWardIds: ['00000000-0000-4000-8000-000000000000'] }, 400],
    ['an unknown role', { roles: ['overlord'] }, 400],
    ['an extra field', { roles: ['staff'], note: 'x' }, 400],
  ])('answers 4xx for %s and changes nothing', async (_name, body, status) => {
    const person = await createAccount(t.db, { roles: ['resident'] });
    const session = await signIn(t.app, person.email);
    expectEnvelope(await t.http().put(`/api/users/${person.id}/roles`).set(bearer(adminToken)).send(body), status);
    expect(await count(t.db, sql`${userRoles} where user_id = ${person.id}`)).toBe(1);
    expect(await count(t.db, sql`${auditLog} where target_id = ${person.id}`)).toBe(0);
    expect((await t.http().get('/api/me').set(bearer(session.accessToken))).status).toBe(200);
  });

  it('answers 404 for an unknown account', async () => {
    expectEnvelope(
      await t.http().put('/api/users/00000000-0000-4000-8000-000000000000/roles').set(bearer(adminToken)).send({ roles: ['staff'] }),
      404,
    );
  });

  it('refuses to let an admin remove their own admin role (422)', async () => {
    const response = await t.http().put(`/api/users/${admin.id}/roles`).set(bearer(adminToken)).send({ roles: ['resident'] });
    expectEnvelope(response, 422);
    expect(await count(t.db, sql`${userRoles} where user_id = ${admin.id} and role = 'admin'`)).toBe(1);
  });

  it('refuses a resident with 403 and changes nothing', async () => {
    const resident = await createAccount(t.db);
    const { accessToken } = await signIn(t.app, resident.email);
    const response = await t.http().put(`/api/users/${resident.id}/roles`).set(bearer(accessToken)).send({ roles: ['admin'] });
    expectEnvelope(response, 403);
    expect(await count(t.db, sql`${userRoles} where user_id = ${resident.id} and role = 'admin'`)).toBe(0);
  });
});

describe('audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE even from the application connection', async () => {
    const person = await createAccount(t.db);
    await t.http().put(`/api/users/${person.id}/roles`).set(bearer(adminToken)).send({ roles: ['staff'] }).expect(200);
    const before = await count(t.db, sql`${auditLog}`);
    expect(before).toBeGreaterThan(0);
    await expect(t.db.execute(sql`update ${auditLog} set action = 'nothing happened'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from ${auditLog}`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate ${auditLog}`)).rejects.toThrow();
    expect(await count(t.db, sql`${auditLog}`)).toBe(before);
    expect(await count(t.db, sql`${auditLog} where action = 'nothing happened'`)).toBe(0);
  });
});

describe('GET /api/audit', () => {
  it('shows admins the newest entries first with the actor, filtered and paginated', async () => {
    const a = await createAccount(t.db);
    const b = await createAccount(t.db);
    await t.http().put(`/api/users/${a.id}/roles`).set(bearer(adminToken)).send({ roles: ['staff'] }).expect(200);
    await t.http().put(`/api/users/${b.id}/roles`).set(bearer(adminToken)).send({ roles: ['staff'] }).expect(200);
    const first = await t.http().get('/api/audit').query({ action: 'user.roles.set', limit: 1 }).set(bearer(adminToken));
    expect(first.status).toBe(200);
    const page1 = AuditPage.parse(first.body);
    expect(page1.entries[0]).toMatchObject({ targetId: b.id, actorId: admin.id, actorEmail: admin.email });
    expect(page1.nextBefore).not.toBeNull();
    const second = await t
      .http()
      .get('/api/audit')
      .query({ action: 'user.roles.set', limit: 1, before: page1.nextBefore })
      .set(bearer(adminToken));
    expect(AuditPage.parse(second.body).entries[0]?.targetId).toBe(a.id);
    const future = await t
      .http()
      .get('/api/audit')
      .query({ from: new Date(Date.now() + 60_000).toISOString() })
      .set(bearer(adminToken));
    expect(AuditPage.parse(future.body).entries).toEqual([]);
  });

  it('is for admins only', async () => {
    const staff = await createAccount(t.db, { roles: ['staff'] });
    const { accessToken } = await signIn(t.app, staff.email);
    expectEnvelope(await t.http().get('/api/audit').set(bearer(accessToken)), 403);
  });
});
