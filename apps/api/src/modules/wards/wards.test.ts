import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Ward, WardList } from '@allot/shared';
import { auditLog, wards } from '../../db/schema';
import { bearer, count, createAccount, createWard, expectEnvelope, signIn, useTestApp } from '../../../test/helpers';

const t = useTestApp();
let adminToken: string;
let residentToken: string;
let adminId: string;

beforeAll(async () => {
  const admin = await createAccount(t.db, { roles: ['admin'] });
  adminId = admin.id;
  adminToken = (await signIn(t.app, admin.email)).accessToken;
  const resident = await createAccount(t.db, { roles: ['resident'] });
  residentToken = (await signIn(t.app, resident.email)).accessToken;
});

const wardCount = () => count(t.db, sql`${wards}`);

describe('GET /api/wards', () => {
  it('lists wards with population to anyone, sorted by name', async () => {
    await createWard(t.db, 'ZZ1');
    await createWard(t.db, 'AA1');
    const response = await t.http().get('/api/wards');
    expect(response.status).toBe(200);
    const list = WardList.parse(response.body);
    const names = list.wards.map((ward) => ward.name);
    expect(names).toEqual([...names].sort());
    expect(list.wards.find((ward) => ward.code === 'ZZ1')?.population).toBe(1000);
  });
});

describe('POST /api/wards', () => {
  it('lets an admin create a ward and records it in the audit log', async () => {
    const response = await t
      .http()
      .post('/api/wards')
      .set(bearer(adminToken))
      .send({ name: 'Riverside East', code: 'RE', population: 12_345 });
    expect(response.status).toBe(201);
    const ward = Ward.parse(response.body);
    expect(ward).toMatchObject({ name: 'Riverside East', code: 'RE', population: 12_345 });
    expect(
      await count(t.db, sql`${auditLog} where action = 'ward.create' and target_id = ${ward.id} and actor_id = ${adminId}`),
    ).toBe(1);
  });

  it('answers 409 for a code already in use and changes nothing', async () => {
    await createWard(t.db, 'DUP');
    const before = await wardCount();
    const response = await t.http().post('/api/wards').set(bearer(adminToken)).send({ name: 'Another', code: 'DUP', population: 1 });
    expect(expectEnvelope(response, 409).issues?.[0]?.path).toBe('code');
    expect(await wardCount()).toBe(before);
  });

  it.each([
    ['a lower-case code', { name: 'Lowtown', code: 'low', population: 5 }, 'code'],
    ['a negative population', { name: 'Minus', code: 'MIN', population: -1 }, 'population'],
    ['an unknown field', { name: 'Extra', code: 'EXT', population: 5, mayor: 'x' }, 'mayor'],
  ])('answers 400 for %s and changes nothing', async (_name, body, path) => {
    const before = await wardCount();
    const response = await t.http().post('/api/wards').set(bearer(adminToken)).send(body);
    expect(expectEnvelope(response, 400).issues?.map((issue) => issue.path)).toContain(path);
    expect(await wardCount()).toBe(before);
  });

  it('refuses a resident with 403 and a signed-out caller with 401, creating nothing', async () => {
    const before = await wardCount();
    const body = { name: 'Sneaky', code: 'SNK', population: 5 };
    expectEnvelope(await t.http().post('/api/wards').set(bearer(residentToken)).send(body), 403);
    expectEnvelope(await t.http().post('/api/wards').send(body), 401);
    expect(await wardCount()).toBe(before);
  });
});

describe('PATCH /api/wards/:id', () => {
  it('lets an admin change the population and audits before and after', async () => {
    const ward = await createWard(t.db, 'PAT');
    const response = await t.http().patch(`/api/wards/${ward.id}`).set(bearer(adminToken)).send({ population: 4321 });
    expect(response.status).toBe(200);
    expect(Ward.parse(response.body)).toMatchObject({ id: ward.id, code: 'PAT', population: 4321 });
    expect(await count(t.db, sql`${auditLog} where action = 'ward.update' and target_id = ${ward.id}`)).toBe(1);
  });

  it('answers 404 for an unknown ward and 400 for an id that is not a uuid', async () => {
    expectEnvelope(
      await t.http().patch('/api/wards/00000000-0000-4000-8000-000000000000').set(bearer(adminToken)).send({ population: 1 }),
      404,
    );
    expectEnvelope(await t.http().patch('/api/wards/riverside').set(bearer(adminToken)).send({ population: 1 }), 400);
  });

  it('answers 409 when renaming to a taken code and leaves the ward unchanged', async () => {
    await createWard(t.db, 'TKN');
    const ward = await createWard(t.db, 'MOV');
    expectEnvelope(await t.http().patch(`/api/wards/${ward.id}`).set(bearer(adminToken)).send({ code: 'TKN' }), 409);
    expect(await count(t.db, sql`${wards} where id = ${ward.id} and code = 'MOV'`)).toBe(1);
  });

  it('refuses a resident with 403 and changes nothing', async () => {
    const ward = await createWard(t.db, 'RES');
    expectEnvelope(await t.http().patch(`/api/wards/${ward.id}`).set(bearer(residentToken)).send({ population: 1 }), 403);
    expect(await count(t.db, sql`${wards} where id = ${ward.id} and population = 1000`)).toBe(1);
  });
});

describe('population by age band', () => {
  const stored = async (id: string) => {
    const result = await t.db.execute<{ population_by_age: unknown }>(sql`select population_by_age from ${wards} where id = ${id}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { population_by_age: unknown }[] }).rows) as { population_by_age: unknown }[];
    return rows[0]?.population_by_age;
  };

  it('stores the bands given on create and returns them, also in the ward list', async () => {
    const populationByAge = { 'under-18': 2100, '18-24': 900, '75-plus': 450 };
    const response = await t
      .http()
      .post('/api/wards')
      .set(bearer(adminToken))
      .send({ name: 'Old Harbour', code: 'OLDH', population: 9000, populationByAge });
    expect(response.status).toBe(201);
    const ward = Ward.parse(response.body);
    expect(ward.populationByAge).toEqual(populationByAge);
    expect(await stored(ward.id)).toEqual(populationByAge);
    const listed = WardList.parse((await t.http().get('/api/wards')).body).wards.find((w) => w.id === ward.id);
    expect(listed?.populationByAge).toEqual(populationByAge);
  });

  it('answers null for a ward whose population by age was never entered', async () => {
    const ward = await createWard(t.db, 'NOAGE');
    const listed = WardList.parse((await t.http().get('/api/wards')).body).wards.find((w) => w.id === ward.id);
    expect(listed?.populationByAge).toBeNull();
  });

  it('replaces the bands on change, clears them with null, and audits both', async () => {
    const ward = await createWard(t.db, 'AGEP');
    const first = await t.http().patch(`/api/wards/${ward.id}`).set(bearer(adminToken)).send({ populationByAge: { '25-34': 310, '35-44': 290 } });
    expect(first.status).toBe(200);
    expect(Ward.parse(first.body).populationByAge).toEqual({ '25-34': 310, '35-44': 290 });
    expect(await stored(ward.id)).toEqual({ '25-34': 310, '35-44': 290 });
    const cleared = await t.http().patch(`/api/wards/${ward.id}`).set(bearer(adminToken)).send({ populationByAge: null });
    expect(Ward.parse(cleared.body).populationByAge).toBeNull();
    expect(await stored(ward.id)).toBeNull();
    expect(await count(t.db, sql`${auditLog} where action = 'ward.update' and target_id = ${ward.id}`)).toBe(2);
  });

  it.each([
    ['an unknown band', { '30-39': 100 }],
    ['a negative number', { '18-24': -5 }],
    ['a fraction', { '18-24': 10.5 }],
    ['a number as text', { '18-24': '100' }],
  ])('answers 400 for %s on create and creates nothing', async (_name, populationByAge) => {
    const before = await wardCount();
    const response = await t
      .http()
      .post('/api/wards')
      .set(bearer(adminToken))
      .send({ name: 'Bad Ages', code: 'BADAGE', population: 10, populationByAge });
    expect(expectEnvelope(response, 400).issues?.some((issue) => issue.path.startsWith('populationByAge'))).toBe(true);
    expect(await wardCount()).toBe(before);
  });

  it.each([
    ['an unknown band', { '18-24': 100, seniors: 40 }],
    ['a negative number', { '65-74': -1 }],
  ])('answers 400 for %s on change and leaves the ward as it was', async (_name, populationByAge) => {
    const ward = await createWard(t.db);
    await t.http().patch(`/api/wards/${ward.id}`).set(bearer(adminToken)).send({ populationByAge: { '18-24': 120 } });
    const audits = await count(t.db, sql`${auditLog} where action = 'ward.update' and target_id = ${ward.id}`);
    const response = await t.http().patch(`/api/wards/${ward.id}`).set(bearer(adminToken)).send({ population: 5, populationByAge });
    expect(expectEnvelope(response, 400).issues?.some((issue) => issue.path.startsWith('populationByAge'))).toBe(true);
    expect(await stored(ward.id)).toEqual({ '18-24': 120 });
    expect(await count(t.db, sql`${wards} where id = ${ward.id} and population = 1000`)).toBe(1);
    expect(await count(t.db, sql`${auditLog} where action = 'ward.update' and target_id = ${ward.id}`)).toBe(audits);
  });
});
