import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { CycleDelivery, Milestone, ProjectDelivery, ProjectUpdate } from '@allot/shared';
import { milestones, projectDelivery } from '../../db/schema';
import { count, createSignedInAccount, expectEnvelope, useTestApp } from '../../../test/helpers';
import { arrangeVotingCycle, type VotingCycle } from '../ballots/test-fixtures';
import { setPhase } from '../cycles/cycles.repository';
import { arrangeResult } from './test-fixtures';

const t = useTestApp();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Auth = { authorization: string };
let staff: Auth;
let admin: Auth;
let resident: Auth;
let councillor: Auth;
let staffId: string;
/** Published result: pot A funds a[0] and a[1], pot B funds b[0]. */
let cycle: VotingCycle;
/** Counted but not published: pot A funds a[0]. */
let unpublished: VotingCycle;

beforeAll(async () => {
  const clerk = await createSignedInAccount(t, { roles: ['staff'], displayName: 'Sam Okafor' });
  staff = clerk.auth;
  staffId = clerk.id;
  admin = (await createSignedInAccount(t, { roles: ['admin'] })).auth;
  resident = (await createSignedInAccount(t, { roles: ['resident'] })).auth;
  councillor = (await createSignedInAccount(t, { roles: ['councillor'] })).auth;

  cycle = await arrangeVotingCycle(t.db, { phase: 'results' });
  await arrangeResult(
    t.db,
    cycle.id,
    [
      {
        potId: cycle.potA,
        budget: 50_000,
        projects: [
          { id: cycle.a[0] ?? '', cost: 10_000, funded: true, title: 'Riverside benches' },
          { id: cycle.a[1] ?? '', cost: 15_000, funded: true, title: 'Pond clean-up' },
          { id: cycle.a[2] ?? '', cost: 20_000, funded: false },
        ],
      },
      { potId: cycle.potB, budget: 50_000, projects: [{ id: cycle.b[0] ?? '', cost: 10_000, funded: true }] },
    ],
    { published: true },
  );
  unpublished = await arrangeVotingCycle(t.db, { phase: 'counting' });
  await arrangeResult(t.db, unpublished.id, [{ potId: unpublished.potA, budget: 50_000, projects: [{ id: unpublished.a[0] ?? '', cost: 10_000, funded: true }] }], {
    published: false,
  });
});

/** Everything a write could change for one project: the delivery and milestone rows as stored, the updates and audit entries. */
async function footprint(projectId: string) {
  return {
    delivery: await t.db.select().from(projectDelivery).where(eq(projectDelivery.proposalId, projectId)),
    milestones: await t.db.select().from(milestones).where(eq(milestones.proposalId, projectId)).orderBy(asc(milestones.id)),
    updates: await count(t.db, sql`project_updates where proposal_id = ${projectId}`),
    audit: await count(t.db, sql`audit_log where action like 'implementation.%' and target_id = ${projectId}`),
  };
}

const project = (index = 0) => cycle.a[index] ?? '';

describe('reading delivery (anyone)', () => {
  it('lists every funded project of a published result with its progress, to a signed-out caller', async () => {
    const response = await t.http().get(`/api/cycles/${cycle.id}/implementation`);
    expect(response.status).toBe(200);
    const list = CycleDelivery.parse(response.body);
    expect(list.projects.map((p) => p.projectId).sort()).toEqual([cycle.a[0], cycle.a[1], cycle.b[0]].sort());
    const benches = list.projects.find((p) => p.projectId === cycle.a[0]);
    expect(benches).toMatchObject({ potId: cycle.potA, title: 'Riverside benches', cost: 10_000 });
  });

  it('lists no projects for a cycle whose count is not published, and 404 for an unknown cycle', async () => {
    const response = await t.http().get(`/api/cycles/${unpublished.id}/implementation`);
    expect(CycleDelivery.parse(response.body).projects).toEqual([]);
    expectEnvelope(await t.http().get(`/api/cycles/${UNKNOWN}/implementation`), 404);
  });

  it('shows one funded project to a signed-out caller, with no progress yet', async () => {
    const response = await t.http().get(`/api/projects/${cycle.b[0] ?? ''}/implementation`);
    expect(response.status).toBe(200);
    expect(ProjectDelivery.parse(response.body)).toMatchObject({ cycleId: cycle.id, potId: cycle.potB, progress: 0, milestones: [], updates: [], updatedAt: null });
  });

  it.each([
    ['an unknown id', () => UNKNOWN],
    ['a proposal the result did not fund', () => cycle.a[2] ?? ''],
    ['a proposal never counted', () => cycle.city[0] ?? ''],
    ['a funded proposal of a result not yet published', () => unpublished.a[0] ?? ''],
  ])('answers 404 "not a funded project" for %s', async (_name, id) => {
    const envelope = expectEnvelope(await t.http().get(`/api/projects/${id()}/implementation`), 404);
    expect(envelope.message).toMatch(/not a funded project/);
  });

  it('answers 400 for an id that is not a uuid', async () => {
    expectEnvelope(await t.http().get('/api/projects/benches/implementation'), 400);
  });
});

describe('PUT /api/projects/:id/progress', () => {
  it('lets staff set the progress, audits it and moves updatedAt', async () => {
    const response = await t.http().put(`/api/projects/${project()}/progress`).set(staff).send({ progress: 40 });
    expect(response.status).toBe(200);
    const delivery = ProjectDelivery.parse(response.body);
    expect(delivery.progress).toBe(40);
    expect(delivery.updatedAt).not.toBeNull();
    expect(await count(t.db, sql`audit_log where action = 'implementation.progress' and target_id = ${project()} and actor_id = ${staffId}`)).toBe(1);
    const list = CycleDelivery.parse((await t.http().get(`/api/cycles/${cycle.id}/implementation`)).body);
    expect(list.projects.find((p) => p.projectId === project())).toMatchObject({ progress: 40, updatedAt: delivery.updatedAt });
  });

  it('lets an admin set the progress too', async () => {
    const response = await t.http().put(`/api/projects/${project()}/progress`).set(admin).send({ progress: 55 });
    expect(ProjectDelivery.parse(response.body).progress).toBe(55);
  });

  it.each([
    ['101', { progress: 101 }],
    ['a negative number', { progress: -1 }],
    ['a fraction', { progress: 40.5 }],
    ['a missing value', {}],
    ['an unknown field', { progress: 10, note: 'x' }],
  ])('answers 400 for %s and changes nothing', async (_name, body) => {
    const before = await footprint(project());
    expectEnvelope(await t.http().put(`/api/projects/${project()}/progress`).set(staff).send(body), 400);
    expect(await footprint(project())).toEqual(before);
    expect(ProjectDelivery.parse((await t.http().get(`/api/projects/${project()}/implementation`)).body).progress).toBe(55);
  });

  it('refuses residents and councillors with 403 and a signed-out caller with 401, changing nothing', async () => {
    const before = await footprint(project());
    expectEnvelope(await t.http().put(`/api/projects/${project()}/progress`).set(resident).send({ progress: 90 }), 403);
    expectEnvelope(await t.http().put(`/api/projects/${project()}/progress`).set(councillor).send({ progress: 90 }), 403);
    expectEnvelope(await t.http().put(`/api/projects/${project()}/progress`).send({ progress: 90 }), 401);
    expect(await footprint(project())).toEqual(before);
  });

  it.each([
    ['an unknown project', () => UNKNOWN],
    ['a proposal that was not funded', () => cycle.a[2] ?? ''],
    ['a funded proposal of an unpublished result', () => unpublished.a[0] ?? ''],
  ])('answers 404 for %s and stores nothing', async (_name, id) => {
    const before = await footprint(id());
    expect(expectEnvelope(await t.http().put(`/api/projects/${id()}/progress`).set(staff).send({ progress: 10 }), 404).message).toMatch(/not a funded project/);
    expect(await footprint(id())).toEqual(before);
    expect(before.delivery).toEqual([]);
  });
});

describe('milestones', () => {
  const milestonesOf = async (id: string) => ProjectDelivery.parse((await t.http().get(`/api/projects/${id}/implementation`)).body).milestones;
  const today = () => new Date().toISOString().slice(0, 10);

  it('adds milestones in append order, planned by default, and audits each', async () => {
    const id = project(1);
    const first = await t.http().post(`/api/projects/${id}/milestones`).set(staff).send({ title: 'Order the benches', dueOn: '2028-03-01' });
    expect(first.status).toBe(201);
    expect(Milestone.parse(first.body)).toMatchObject({ projectId: id, title: 'Order the benches', status: 'planned', dueOn: '2028-03-01', completedOn: null, position: 1 });
    const second = Milestone.parse((await t.http().post(`/api/projects/${id}/milestones`).set(admin).send({ title: 'Install them', status: 'in_progress' })).body);
    expect(second.position).toBe(2);
    expect((await milestonesOf(id)).map((m) => m.title)).toEqual(['Order the benches', 'Install them']);
    expect(await count(t.db, sql`audit_log where action = 'implementation.milestone.create' and target_id = ${id}`)).toBe(2);
  });

  it('gives milestones added at the same moment distinct positions in append order', async () => {
    const id = cycle.b[0] ?? '';
    const responses = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => t.http().post(`/api/projects/${id}/milestones`).set(staff).send({ title: `Parallel step ${n}` })),
    );
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    const positions = responses.map((response) => Milestone.parse(response.body).position).sort((x, y) => x - y);
    expect(positions).toEqual([1, 2, 3, 4, 5]);
  });

  it('marks a milestone done today when it is created done without a date, and keeps a given date', async () => {
    const id = project(1);
    const doneToday = Milestone.parse((await t.http().post(`/api/projects/${id}/milestones`).set(staff).send({ title: 'Survey the site', status: 'done' })).body);
    expect(doneToday.completedOn).toBe(today());
    const doneEarlier = Milestone.parse(
      (await t.http().post(`/api/projects/${id}/milestones`).set(staff).send({ title: 'Consult neighbours', status: 'done', completedOn: '2027-09-01' })).body,
    );
    expect(doneEarlier.completedOn).toBe('2027-09-01');
  });

  it.each([
    ['a completion date on a planned milestone', { title: 'Paint the benches', completedOn: '2027-09-01' }, 'completedOn'],
    ['a completion date on one in progress', { title: 'Paint the benches', status: 'in_progress', completedOn: '2027-09-01' }, 'completedOn'],
    ['a title under 3 characters', { title: 'ab' }, 'title'],
    ['an unknown status', { title: 'Paint the benches', status: 'started' }, 'status'],
    ['a date that is not a date', { title: 'Paint the benches', dueOn: '31/12/2027' }, 'dueOn'],
  ])('answers 400 for %s and adds nothing', async (_name, body, path) => {
    const id = project(1);
    const before = await footprint(id);
    const envelope = expectEnvelope(await t.http().post(`/api/projects/${id}/milestones`).set(staff).send(body), 400);
    expect(envelope.issues?.map((issue) => issue.path)).toContain(path);
    expect(await footprint(id)).toEqual(before);
  });

  it('sets today when a change marks a milestone done, and clears the date when it goes back', async () => {
    const id = project(1);
    const milestone = Milestone.parse((await t.http().post(`/api/projects/${id}/milestones`).set(staff).send({ title: 'Lay the paving' })).body);
    const done = await t.http().patch(`/api/milestones/${milestone.id}`).set(staff).send({ status: 'done' });
    expect(done.status).toBe(200);
    expect(Milestone.parse(done.body)).toMatchObject({ status: 'done', completedOn: today(), position: milestone.position });
    const dated = Milestone.parse((await t.http().patch(`/api/milestones/${milestone.id}`).set(staff).send({ completedOn: '2027-10-10' })).body);
    expect(dated.completedOn).toBe('2027-10-10');
    const reopened = Milestone.parse((await t.http().patch(`/api/milestones/${milestone.id}`).set(staff).send({ status: 'in_progress' })).body);
    expect(reopened).toMatchObject({ status: 'in_progress', completedOn: null });
    expect(await count(t.db, sql`audit_log where action = 'implementation.milestone.update' and details->>'milestoneId' = ${milestone.id}`)).toBe(3);
  });

  it('answers 400 for a completion date on a planned milestone, an empty change or a bad id, changing nothing', async () => {
    const id = project(1);
    const milestone = Milestone.parse((await t.http().post(`/api/projects/${id}/milestones`).set(staff).send({ title: 'Plant the bulbs' })).body);
    const before = await footprint(id);
    const envelope = expectEnvelope(await t.http().patch(`/api/milestones/${milestone.id}`).set(staff).send({ completedOn: '2027-10-10' }), 400);
    expect(envelope.issues?.[0]?.path).toBe('completedOn');
    expectEnvelope(await t.http().patch(`/api/milestones/${milestone.id}`).set(staff).send({}), 400);
    expectEnvelope(await t.http().patch('/api/milestones/plant').set(staff).send({ status: 'done' }), 400);
    expect(await footprint(id)).toEqual(before);
    expect((await milestonesOf(id)).find((m) => m.id === milestone.id)).toMatchObject({ status: 'planned', completedOn: null });
  });

  it('removes a milestone (204), keeps the others in order, audits and moves updatedAt', async () => {
    const id = project(1);
    const before = ProjectDelivery.parse((await t.http().get(`/api/projects/${id}/implementation`)).body);
    const victim = before.milestones[0];
    if (victim === undefined) throw new Error('expected milestones');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const response = await t.http().delete(`/api/milestones/${victim.id}`).set(staff);
    expect(response.status).toBe(204);
    const after = ProjectDelivery.parse((await t.http().get(`/api/projects/${id}/implementation`)).body);
    expect(after.milestones.map((m) => m.id)).toEqual(before.milestones.slice(1).map((m) => m.id));
    expect(Date.parse(after.updatedAt ?? '')).toBeGreaterThan(Date.parse(before.updatedAt ?? ''));
    expect(await count(t.db, sql`audit_log where action = 'implementation.milestone.delete' and details->>'milestoneId' = ${victim.id}`)).toBe(1);
    expectEnvelope(await t.http().delete(`/api/milestones/${victim.id}`).set(staff), 404);
  });

  it('refuses a resident (403) and a signed-out caller (401) on every milestone write, changing nothing', async () => {
    const id = project(1);
    const milestone = (await milestonesOf(id))[0];
    if (milestone === undefined) throw new Error('expected milestones');
    const before = await footprint(id);
    expectEnvelope(await t.http().post(`/api/projects/${id}/milestones`).set(resident).send({ title: 'Sneaky step' }), 403);
    expectEnvelope(await t.http().patch(`/api/milestones/${milestone.id}`).set(resident).send({ status: 'done' }), 403);
    expectEnvelope(await t.http().delete(`/api/milestones/${milestone.id}`).set(resident), 403);
    expectEnvelope(await t.http().post(`/api/projects/${id}/milestones`).send({ title: 'Sneaky step' }), 401);
    expect(await footprint(id)).toEqual(before);
  });

  it('answers 404 for an unknown milestone and for milestones of a proposal that was not funded', async () => {
    expectEnvelope(await t.http().patch(`/api/milestones/${UNKNOWN}`).set(staff).send({ status: 'done' }), 404);
    const other = cycle.a[2] ?? '';
    const before = await footprint(other);
    expectEnvelope(await t.http().post(`/api/projects/${other}/milestones`).set(staff).send({ title: 'Not ours' }), 404);
    expect(await footprint(other)).toEqual(before);
  });
});

describe('POST /api/projects/:id/updates', () => {
  it('posts a plain-text update under the staff member’s name, newest first, and audits it', async () => {
    const id = cycle.b[0] ?? '';
    const body = 'Work starts on Monday. <b>Not bold</b> & not a link: <a href="x">x</a>';
    const response = await t.http().post(`/api/projects/${id}/updates`).set(staff).send({ body: `  ${body}  ` });
    expect(response.status).toBe(201);
    const update = ProjectUpdate.parse(response.body);
    expect(update).toMatchObject({ body, authorName: 'Sam Okafor' });
    await t.http().post(`/api/projects/${id}/updates`).set(staff).send({ body: 'The benches are in place.' });
    const delivery = ProjectDelivery.parse((await t.http().get(`/api/projects/${id}/implementation`)).body);
    expect(delivery.updates.map((u) => u.body)).toEqual(['The benches are in place.', body]);
    expect(delivery.updatedAt).toBe(delivery.updates[0]?.postedAt);
    expect(await count(t.db, sql`audit_log where action = 'implementation.update.post' and target_id = ${id} and actor_id = ${staffId}`)).toBe(2);
  });

  it('answers 400 for an update under 10 characters and 403 for a resident, posting nothing', async () => {
    const id = cycle.b[0] ?? '';
    const before = await footprint(id);
    expect(expectEnvelope(await t.http().post(`/api/projects/${id}/updates`).set(staff).send({ body: 'Soon.' }), 400).issues?.[0]?.path).toBe('body');
    expectEnvelope(await t.http().post(`/api/projects/${id}/updates`).set(resident).send({ body: 'I would like to post this.' }), 403);
    expect(await footprint(id)).toEqual(before);
  });
});

describe('phases', () => {
  it('lets staff write in the implementation phase', async () => {
    await setPhase(t.db, cycle.id, 'implementation');
    const response = await t.http().put(`/api/projects/${project()}/progress`).set(staff).send({ progress: 80 });
    expect(ProjectDelivery.parse(response.body).progress).toBe(80);
  });

  it('answers 409 for every write once the cycle is closed, changing nothing, and still shows delivery', async () => {
    await setPhase(t.db, cycle.id, 'closed');
    const id = project(1);
    const milestone = ProjectDelivery.parse((await t.http().get(`/api/projects/${id}/implementation`)).body).milestones[0];
    if (milestone === undefined) throw new Error('expected milestones');
    const before = await footprint(id);
    const refusals = [
      await t.http().put(`/api/projects/${id}/progress`).set(staff).send({ progress: 100 }),
      await t.http().post(`/api/projects/${id}/milestones`).set(staff).send({ title: 'Late step' }),
      await t.http().patch(`/api/milestones/${milestone.id}`).set(staff).send({ status: 'done' }),
      await t.http().delete(`/api/milestones/${milestone.id}`).set(admin),
      await t.http().post(`/api/projects/${id}/updates`).set(staff).send({ body: 'All finished now, thank you.' }),
    ];
    for (const response of refusals) expect(expectEnvelope(response, 409).message).toMatch(/closed/);
    expect(await footprint(id)).toEqual(before);
    expect((await t.http().get(`/api/projects/${id}/implementation`)).status).toBe(200);
    await setPhase(t.db, cycle.id, 'implementation');
  });
});
