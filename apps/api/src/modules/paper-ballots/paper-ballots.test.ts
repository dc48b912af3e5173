import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { count, expectEnvelope, useTestApp } from '../../../test/helpers';
import { arrangeVoter, arrangeVotingCycle, participationWard, votingRows, type Voter, type VotingCycle } from '../ballots/test-fixtures';

const t = useTestApp();

describe('paper ballots', () => {
  let cycle: VotingCycle;
  let staff: Voter;
  let admin: Voter;
  let resident: Voter;
  beforeAll(async () => {
    cycle = await arrangeVotingCycle(t.db);
    staff = await arrangeVoter(t, { wardId: null, roles: ['staff'] });
    admin = await arrangeVoter(t, { wardId: null, roles: ['admin'] });
    resident = await arrangeVoter(t, { wardId: cycle.wardA });
  });

  const enter = (by: Voter, userId: string, selections: unknown) =>
    t.http().post(`/api/cycles/${cycle.id}/paper-ballots`).set(by.auth).send({ userId, selections });

  it('enters a paper ballot for a resident, audited without its content, answered without the resident', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const response = await enter(staff, voter.id, [{ potId: cycle.potA, projects: [cycle.a[0]] }]);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ channel: 'paper', receipt: expect.any(String), castAt: expect.any(String), contentHash: expect.any(String) });
    expect(await count(t.db, sql`participation where user_id = ${voter.id} and channel = 'paper' and entered_by = ${staff.id}`)).toBe(1);
    const audit = await t.http().get('/api/audit').query({ action: 'ballot.paper.enter' }).set(admin.auth);
    expect(audit.status).toBe(200);
    const text = JSON.stringify(audit.body);
    expect(text).toContain(voter.id);
    expect(text).not.toContain(response.body.receipt as string);
    expect(text).not.toContain(cycle.a[0]);
    // the resident sees their own paper ballot
    const mine = await t.http().get(`/api/cycles/${cycle.id}/ballot`).set(voter.auth);
    expect(mine.body.current).toMatchObject({ channel: 'paper', receipt: response.body.receipt });
  });

  it('records the ward the resident voted as (the verified one over the declared one), and keeps it when they move', async () => {
    const declared = await arrangeVoter(t, { wardId: cycle.wardA });
    expect((await enter(staff, declared.id, [{ potId: cycle.potA, projects: [cycle.a[0]] }])).status).toBe(201);
    expect(await participationWard(t.db, cycle.id, declared.id)).toBe(cycle.wardA);

    const verified = await arrangeVoter(t, { wardId: cycle.wardA });
    expect((await t.http().post(`/api/users/${verified.id}/ward-verification`).set(staff.auth).send({ wardId: cycle.wardB })).status).toBe(200);
    expect((await enter(staff, verified.id, [{ potId: cycle.potB, projects: [cycle.b[0]] }])).status).toBe(201);
    expect(await participationWard(t.db, cycle.id, verified.id)).toBe(cycle.wardB);

    // Moving afterwards (home ward, or a new verification) leaves the recorded ward alone.
    await t.db.execute(sql`update users set home_ward_id = ${cycle.wardB} where id = ${declared.id}`);
    expect((await t.http().post(`/api/users/${verified.id}/ward-verification`).set(staff.auth).send({ wardId: cycle.wardA })).status).toBe(200);
    expect(await participationWard(t.db, cycle.id, declared.id)).toBe(cycle.wardA);
    expect(await participationWard(t.db, cycle.id, verified.id)).toBe(cycle.wardB);
  });

  it('refuses a second paper ballot and an online cast after a paper one', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    expect((await enter(staff, voter.id, [{ potId: cycle.potA, projects: [cycle.a[0]] }])).status).toBe(201);
    const before = await votingRows(t.db, cycle.id);
    expect(expectEnvelope(await enter(staff, voter.id, [{ potId: cycle.potA, projects: [cycle.a[1]] }]), 409).message).toMatch(/already been entered/);
    const online = await t.http().put(`/api/cycles/${cycle.id}/ballot`).set(voter.auth).send({ selections: [{ potId: cycle.potA, projects: [cycle.a[1]] }] });
    expect(expectEnvelope(online, 409).message).toMatch(/paper ballot/);
    expect(await votingRows(t.db, cycle.id)).toEqual(before);
  });

  it('refuses a paper ballot for a resident who already voted online', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const online = await t.http().put(`/api/cycles/${cycle.id}/ballot`).set(voter.auth).send({ selections: [{ potId: cycle.potA, projects: [cycle.a[1]] }] });
    expect(online.status).toBe(200);
    const before = await votingRows(t.db, cycle.id);
    expect(expectEnvelope(await enter(staff, voter.id, [{ potId: cycle.potA, projects: [cycle.a[0]] }]), 409).message).toMatch(/already voted online/);
    expect(await votingRows(t.db, cycle.id)).toEqual(before);
  });

  it('applies the online rules to paper ballots and changes nothing when refusing', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const young = await arrangeVoter(t, { wardId: cycle.wardA, birthYear: 2015 });
    const before = await votingRows(t.db, cycle.id);
    expectEnvelope(await enter(staff, voter.id, [{ potId: cycle.potB, projects: [cycle.b[0]] }]), 400);
    expectEnvelope(await enter(staff, voter.id, [{ potId: cycle.potA, projects: cycle.a.slice(0, 3) }]), 422);
    expectEnvelope(await enter(staff, young.id, [{ potId: cycle.potA, projects: [cycle.a[0]] }]), 403);
    expectEnvelope(await enter(staff, '00000000-0000-4000-8000-000000000000', [{ potId: cycle.potA, projects: [cycle.a[0]] }]), 404);
    expect(await votingRows(t.db, cycle.id)).toEqual(before);
  });

  it('is for staff only', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const before = await votingRows(t.db, cycle.id);
    expectEnvelope(await enter(resident, voter.id, [{ potId: cycle.potA, projects: [cycle.a[0]] }]), 403);
    expectEnvelope(await enter(admin, voter.id, [{ potId: cycle.potA, projects: [cycle.a[0]] }]), 403);
    expectEnvelope(await t.http().post(`/api/cycles/${cycle.id}/paper-ballots`).send({ userId: voter.id, selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] }), 401);
    expect(await votingRows(t.db, cycle.id)).toEqual(before);
  });
});

describe('voter search at the paper-ballot desk', () => {
  it('finds residents by name or email with their wards and whether they voted, never what', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const staff = await arrangeVoter(t, { wardId: null, roles: ['staff'] });
    const voted = await arrangeVoter(t, { wardId: cycle.wardA });
    const notYet = await arrangeVoter(t, { wardId: cycle.wardB });
    const cast = await t.http().put(`/api/cycles/${cycle.id}/ballot`).set(voted.auth).send({ selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] });
    expect(cast.status).toBe(200);
    const found = await t.http().get(`/api/cycles/${cycle.id}/voters`).query({ q: voted.email.slice(0, 12) }).set(staff.auth);
    expect(found.status).toBe(200);
    const row = (found.body.voters as { id: string }[]).find((voter) => voter.id === voted.id);
    expect(row).toEqual({
      id: voted.id,
      displayName: 'Test Person',
      email: voted.email,
      homeWardId: cycle.wardA,
      verifiedWardId: null,
      birthYear: 1980,
      voted: true,
      channel: 'online',
    });
    expect(JSON.stringify(found.body)).not.toContain(cast.body.receipt as string);
    const other = await t.http().get(`/api/cycles/${cycle.id}/voters`).query({ q: notYet.email }).set(staff.auth);
    expect(other.body.voters).toMatchObject([{ id: notYet.id, voted: false, channel: null }]);
    expectEnvelope(await t.http().get(`/api/cycles/${cycle.id}/voters`).query({ q: 'x' }).set(staff.auth), 400);
    expectEnvelope(await t.http().get(`/api/cycles/${cycle.id}/voters`).query({ q: 'test' }).set(voted.auth), 403);
  });
});

describe('ward verification', () => {
  it('records the verified ward (staff only, audited) and refuses unknown wards or accounts', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const staff = await arrangeVoter(t, { wardId: null, roles: ['staff'] });
    const admin = await arrangeVoter(t, { wardId: null, roles: ['admin'] });
    const resident = await arrangeVoter(t, { wardId: cycle.wardA });
    const verify = (by: Voter, userId: string, wardId: string) => t.http().post(`/api/users/${userId}/ward-verification`).set(by.auth).send({ wardId });
    const ok = await verify(staff, resident.id, cycle.wardA);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ userId: resident.id, wardId: cycle.wardA });
    expectEnvelope(await verify(resident, resident.id, cycle.wardB), 403);
    expectEnvelope(await verify(staff, resident.id, '00000000-0000-4000-8000-000000000000'), 404);
    expectEnvelope(await verify(staff, '00000000-0000-4000-8000-000000000000', cycle.wardA), 404);
    expect(await count(t.db, sql`ward_verifications where user_id = ${resident.id} and ward_id = ${cycle.wardA}`)).toBe(1);
    const audit = await t.http().get('/api/audit').query({ action: 'user.ward.verify', targetId: resident.id }).set(admin.auth);
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).toContain(cycle.wardA);
  });
});
