import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CycleList, ProposalList, ReviewQueue } from '@allot/shared';
import { comments, cycles, feasibilityReviews, proposals, proposalSupports, users } from '../db/schema';
import { count, expectEnvelope, signIn, useTestApp, bearer } from '../../test/helpers';
import { seedDemo } from './demo';
import { demoCycleResidents } from './demo-cycles';

const t = useTestApp();
const PASSWORD = 'demo-pass-for-tests';

describe('demo cycles seed', () => {
  it('seeds a cycle in deliberation and one in feasibility, and a second run changes nothing', async () => {
    await seedDemo(t.db, PASSWORD);
    const snapshot = async () =>
      Promise.all([cycles, proposals, comments, proposalSupports, feasibilityReviews, users].map((table) => count(t.db, sql`${table}`)));
    const first = await snapshot();
    await seedDemo(t.db, PASSWORD);
    expect(await snapshot()).toEqual(first);

    const list = CycleList.parse((await t.http().get('/api/cycles')).body);
    expect(list.cycles.map((cycle) => cycle.phase).sort()).toEqual(['deliberation', 'feasibility']);
    const deliberation = list.cycles.find((cycle) => cycle.phase === 'deliberation');
    const feasibility = list.cycles.find((cycle) => cycle.phase === 'feasibility');
    if (deliberation === undefined || feasibility === undefined) throw new Error('demo cycles missing');

    const open = ProposalList.parse((await t.http().get(`/api/cycles/${deliberation.id}/proposals`).query({ sort: 'supports' })).body);
    expect(open.total).toBeGreaterThanOrEqual(8);
    expect(open.proposals[0]?.supportCount).toBeGreaterThanOrEqual(3);
    expect(open.proposals.some((proposal) => proposal.commentCount > 0)).toBe(true);

    const resident = await signIn(t.app, demoCycleResidents[0].email, PASSWORD);
    expect((await t.http().put(`/api/proposals/${open.proposals[0]?.id ?? ''}/support`).set(bearer(resident.accessToken))).status).toBe(200);

    const staff = await signIn(t.app, 'staff@demo.test', PASSWORD);
    const queue = ReviewQueue.parse((await t.http().get(`/api/cycles/${feasibility.id}/reviews`).set(bearer(staff.accessToken))).body);
    expect(queue.unreviewed).toBeGreaterThan(0);
    expect(queue.items.filter((item) => item.review !== null).map((item) => item.review?.verdict).sort()).toEqual([
      'feasible',
      'feasible_with_changes',
      'not_feasible',
    ]);
    expectEnvelope(await t.http().get(`/api/cycles/${feasibility.id}/ballot-projects`), 401);
  });
});
