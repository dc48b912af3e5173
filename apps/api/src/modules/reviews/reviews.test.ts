import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { BallotProjectList, FeasibilityReview, NotificationList, Proposal, ProposalList, ReviewQueue, ReviewQueueItem } from '@allot/shared';
import { auditLog, feasibilityReviews, notifications, proposals } from '../../db/schema';
import { count, createWard, expectEnvelope, useTestApp } from '../../../test/helpers';
import { setPhase } from '../cycles/cycles.repository';
import {
  arrangeCast,
  arrangeCycle,
  arrangeProposal,
  arrangeResident,
  CALLERS,
  type ArrangedCycle,
  type Cast,
  type Person,
} from '../cycles/test-fixtures';

const t = useTestApp();
let cast: Cast;
let wardIds: string[];
let cycle: ArrangedCycle;
let author: Person;

const SECRET = 'Contractor quote from Smith & Sons is confidential; councillor X objects';

beforeAll(async () => {
  wardIds = [(await createWard(t.db)).id, (await createWard(t.db)).id];
  cast = await arrangeCast(t, wardIds[0] ?? '');
  cycle = await arrangeCycle(t.db, { wardIds, phase: 'feasibility' });
  author = await arrangeResident(t, wardIds[0] ?? null);
});

const verdict = (overrides: Record<string, unknown> = {}) => ({
  verdict: 'feasible_with_changes',
  costEstimate: 15_000,
  breakdown: [
    { item: 'Six oak benches', amount: 9_000 },
    { item: 'Installation and footings', amount: 6_000 },
  ],
  publicExplanation: 'Feasible if the benches sit back from the flood line; staff costs include footings.',
  internalNotes: SECRET,
  ...overrides,
});

const reviewCount = () => count(t.db, sql`${feasibilityReviews}`);

describe('PUT /api/proposals/:id/feasibility', () => {
  it('lets staff record a verdict: status follows it, it is audited and the author is notified', async () => {
    const id = await arrangeProposal(t.db, cycle, author.id, { status: 'shortlisted' });
    const response = await t.http().put(`/api/proposals/${id}/feasibility`).set(cast.staff.auth).send(verdict());
    expect(response.status).toBe(200);
    expect(FeasibilityReview.parse(response.body)).toMatchObject({
      proposalId: id,
      verdict: 'feasible_with_changes',
      costEstimate: 15_000,
      internalNotes: SECRET,
      reviewer: { id: cast.staff.id },
    });
    expect(await count(t.db, sql`${proposals} where id = ${id} and status = 'feasible_with_changes'`)).toBe(1);
    expect(await count(t.db, sql`${auditLog} where action = 'proposal.feasibility.review' and target_id = ${id} and actor_id = ${cast.staff.id}`)).toBe(1);
    const inbox = NotificationList.parse((await t.http().get('/api/notifications').set(author.auth)).body);
    expect(inbox.unread).toBe(1);
    expect(inbox.notifications[0]).toMatchObject({ kind: 'feasibility.verdict', proposalId: id, readAt: null });
    expect(JSON.stringify(inbox)).not.toContain('Smith & Sons');
  });

  it('never shows internal notes outside staff responses', async () => {
    const id = await arrangeProposal(t.db, cycle, author.id, { status: 'shortlisted', title: 'Notes test' });
    await t.http().put(`/api/proposals/${id}/feasibility`).set(cast.staff.auth).send(verdict()).expect(200);
    for (const caller of CALLERS) {
      const one = await t.http().get(`/api/proposals/${id}`).set(cast[caller].auth);
      const list = await t.http().get(`/api/cycles/${cycle.id}/proposals`).set(cast[caller].auth);
      expect(Proposal.parse(one.body).feasibility).toMatchObject({ verdict: 'feasible_with_changes', costEstimate: 15_000 });
      expect(ProposalList.parse(list.body).total).toBeGreaterThan(0);
      for (const text of [one.text, list.text]) {
        expect(text).not.toContain('Smith & Sons');
        expect(text).not.toMatch(/internalNotes/);
      }
    }
    const asAuthor = await t.http().get(`/api/proposals/${id}`).set(author.auth);
    expect(asAuthor.text).not.toContain('Smith & Sons');
    const ballot = await t.http().get(`/api/cycles/${cycle.id}/ballot-projects`).set(cast.staff.auth);
    expect(ballot.text).not.toContain('Smith & Sons');
  });

  it('lets staff revise a verdict, keeping one review per proposal', async () => {
    const id = await arrangeProposal(t.db, cycle, author.id, { status: 'shortlisted' });
    await t.http().put(`/api/proposals/${id}/feasibility`).set(cast.staff.auth).send(verdict()).expect(200);
    await t
      .http()
      .put(`/api/proposals/${id}/feasibility`)
      .set(cast.staff.auth)
      .send(verdict({ verdict: 'feasible', publicExplanation: null, costEstimate: 9_000, breakdown: [{ item: 'Benches', amount: 9_000 }] }))
      .expect(200);
    expect(await count(t.db, sql`${feasibilityReviews} where proposal_id = ${id} and verdict = 'feasible' and cost_estimate = 9000`)).toBe(1);
    expect(await count(t.db, sql`${auditLog} where action = 'proposal.feasibility.review' and target_id = ${id}`)).toBe(2);
  });

  it.each([
    ['not feasible without a public reason', { verdict: 'not_feasible', publicExplanation: '' }, 'publicExplanation'],
    ['feasible with changes without a public reason', { publicExplanation: null }, 'publicExplanation'],
    ['a breakdown that does not add up', { costEstimate: 15_001 }, 'breakdown'],
    ['a negative estimate', { costEstimate: -15_000, breakdown: [{ item: 'Refund', amount: -15_000 }] }, 'costEstimate'],
    ['an estimate in words', { costEstimate: 'fifteen thousand' }, 'costEstimate'],
    ['an unknown verdict', { verdict: 'maybe' }, 'verdict'],
    ['no cost lines', { breakdown: [] }, 'breakdown'],
  ])('answers 400 for %s and records nothing', async (_name, overrides, path) => {
    const id = await arrangeProposal(t.db, cycle, author.id, { status: 'shortlisted' });
    const before = await reviewCount();
    const response = await t.http().put(`/api/proposals/${id}/feasibility`).set(cast.staff.auth).send(verdict(overrides));
    expect(expectEnvelope(response, 400).issues?.map((issue) => issue.path)).toContain(path);
    expect(await reviewCount()).toBe(before);
    expect(await count(t.db, sql`${proposals} where id = ${id} and status = 'shortlisted'`)).toBe(1);
  });

  it.each(['signedOut', 'resident', 'councillor', 'admin'] as const)('refuses %s and records nothing', async (caller) => {
    const id = await arrangeProposal(t.db, cycle, author.id, { status: 'shortlisted' });
    const before = await reviewCount();
    expectEnvelope(await t.http().put(`/api/proposals/${id}/feasibility`).set(cast[caller].auth).send(verdict()), caller === 'signedOut' ? 401 : 403);
    expect(await reviewCount()).toBe(before);
    expect(await count(t.db, sql`${auditLog} where target_id = ${id}`)).toBe(0);
  });

  it.each(['deliberation', 'voting'] as const)('answers 409 during %s and records nothing', async (phase) => {
    const other = await arrangeCycle(t.db, { wardIds, phase });
    const id = await arrangeProposal(t.db, other, author.id, { status: 'shortlisted' });
    const before = await reviewCount();
    const response = await t.http().put(`/api/proposals/${id}/feasibility`).set(cast.staff.auth).send(verdict());
    expect(expectEnvelope(response, 409).message).toMatch(/feasibility phase/);
    expect(await reviewCount()).toBe(before);
  });

  it('answers 409 for a proposal that was not shortlisted', async () => {
    const id = await arrangeProposal(t.db, cycle, author.id, { status: 'submitted' });
    await t.db.update(proposals).set({ status: 'not_shortlisted' }).where(sql`${proposals.id} = ${id}`);
    expectEnvelope(await t.http().put(`/api/proposals/${id}/feasibility`).set(cast.staff.auth).send(verdict()), 409);
    expect(await count(t.db, sql`${feasibilityReviews} where proposal_id = ${id}`)).toBe(0);
  });
});

describe('GET /api/cycles/:id/reviews', () => {
  it('gives staff and admins the queue with filters and internal notes', async () => {
    const queueCycle = await arrangeCycle(t.db, { wardIds, phase: 'feasibility' });
    const done = await arrangeProposal(t.db, queueCycle, author.id, { status: 'shortlisted', title: 'Reviewed one' });
    await arrangeProposal(t.db, queueCycle, author.id, { status: 'shortlisted', title: 'Waiting one' });
    await arrangeProposal(t.db, queueCycle, author.id, { status: 'submitted', title: 'Not shortlisted' });
    await t.http().put(`/api/proposals/${done}/feasibility`).set(cast.staff.auth).send(verdict()).expect(200);
    for (const caller of ['staff', 'admin'] as const) {
      const all = ReviewQueue.parse((await t.http().get(`/api/cycles/${queueCycle.id}/reviews`).set(cast[caller].auth)).body);
      expect(all.items.map((item) => item.title)).toEqual(['Waiting one', 'Reviewed one']);
      expect(all).toMatchObject({ total: 2, unreviewed: 1 });
      expect(all.items[1]?.review?.internalNotes).toBe(SECRET);
    }
    const reviewed = ReviewQueue.parse((await t.http().get(`/api/cycles/${queueCycle.id}/reviews`).query({ reviewed: 'true' }).set(cast.staff.auth)).body);
    expect(reviewed.items.map((item) => item.title)).toEqual(['Reviewed one']);
    const waiting = ReviewQueue.parse((await t.http().get(`/api/cycles/${queueCycle.id}/reviews`).query({ status: 'shortlisted' }).set(cast.staff.auth)).body);
    expect(waiting.items.map((item) => item.title)).toEqual(['Waiting one']);
  });

  it.each(['signedOut', 'resident', 'councillor'] as const)('refuses %s', async (caller) => {
    expectEnvelope(await t.http().get(`/api/cycles/${cycle.id}/reviews`).set(cast[caller].auth), caller === 'signedOut' ? 401 : 403);
  });
});

describe('GET /api/proposals/:id/review', () => {
  it('gives staff and admins the same entry as the queue, internal notes included', async () => {
    const itemCycle = await arrangeCycle(t.db, { wardIds, phase: 'feasibility' });
    const done = await arrangeProposal(t.db, itemCycle, author.id, { status: 'shortlisted', title: 'Reviewed alone' });
    const waiting = await arrangeProposal(t.db, itemCycle, author.id, { status: 'shortlisted', title: 'Waiting alone' });
    await t.http().put(`/api/proposals/${done}/feasibility`).set(cast.staff.auth).send(verdict()).expect(200);
    const queue = ReviewQueue.parse((await t.http().get(`/api/cycles/${itemCycle.id}/reviews`).set(cast.staff.auth)).body);
    for (const caller of ['staff', 'admin'] as const) {
      for (const id of [done, waiting]) {
        const response = await t.http().get(`/api/proposals/${id}/review`).set(cast[caller].auth);
        expect(response.status).toBe(200);
        expect(ReviewQueueItem.parse(response.body)).toEqual(queue.items.find((item) => item.proposalId === id));
      }
      const reviewed = ReviewQueueItem.parse((await t.http().get(`/api/proposals/${done}/review`).set(cast[caller].auth)).body);
      expect(reviewed).toMatchObject({ title: 'Reviewed alone', status: 'feasible_with_changes', review: { internalNotes: SECRET, reviewer: { id: cast.staff.id } } });
      const open = ReviewQueueItem.parse((await t.http().get(`/api/proposals/${waiting}/review`).set(cast[caller].auth)).body);
      expect(open).toMatchObject({ title: 'Waiting alone', status: 'shortlisted', review: null });
    }
  });

  it.each(['signedOut', 'resident', 'councillor'] as const)('refuses %s without showing the internal notes', async (caller) => {
    const id = await arrangeProposal(t.db, cycle, author.id, { status: 'shortlisted' });
    await t.http().put(`/api/proposals/${id}/feasibility`).set(cast.staff.auth).send(verdict()).expect(200);
    const response = await t.http().get(`/api/proposals/${id}/review`).set(cast[caller].auth);
    expectEnvelope(response, caller === 'signedOut' ? 401 : 403);
    expect(response.text).not.toContain('Smith & Sons');
    expect(response.text).not.toMatch(/internalNotes/);
  });

  it('refuses the author of the proposal too', async () => {
    const id = await arrangeProposal(t.db, cycle, author.id, { status: 'shortlisted' });
    await t.http().put(`/api/proposals/${id}/feasibility`).set(cast.staff.auth).send(verdict()).expect(200);
    const response = await t.http().get(`/api/proposals/${id}/review`).set(author.auth);
    expectEnvelope(response, 403);
    expect(response.text).not.toContain('Smith & Sons');
  });

  it('answers 404 for an unknown proposal and for one that is not in the queue', async () => {
    expectEnvelope(await t.http().get('/api/proposals/00000000-0000-4000-8000-00000000abcd/review').set(cast.staff.auth), 404);
    const submitted = await arrangeProposal(t.db, cycle, author.id, { status: 'submitted' });
    expect(expectEnvelope(await t.http().get(`/api/proposals/${submitted}/review`).set(cast.staff.auth), 404).message).toMatch(/review queue/);
    const notShortlisted = await arrangeProposal(t.db, cycle, author.id, { status: 'submitted' });
    await t.db.update(proposals).set({ status: 'not_shortlisted' }).where(sql`${proposals.id} = ${notShortlisted}`);
    expectEnvelope(await t.http().get(`/api/proposals/${notShortlisted}/review`).set(cast.admin.auth), 404);
  });

  it('hides a proposal of a draft cycle from staff (404) but not from admins', async () => {
    const draft = await arrangeCycle(t.db, { wardIds, phase: 'draft' });
    const id = await arrangeProposal(t.db, draft, author.id, { status: 'shortlisted', title: 'Drafted' });
    const response = await t.http().get(`/api/proposals/${id}/review`).set(cast.staff.auth);
    expect(expectEnvelope(response, 404).message).not.toContain('Drafted');
    expect(ReviewQueueItem.parse((await t.http().get(`/api/proposals/${id}/review`).set(cast.admin.auth)).body)).toMatchObject({ proposalId: id, review: null });
  });

  it('answers 400 for an id that is not a proposal id', async () => {
    const response = await t.http().get('/api/proposals/not-an-id/review').set(cast.staff.auth);
    expect(expectEnvelope(response, 400).issues?.map((issue) => issue.path)).toContain('id');
  });

  it('is documented in OpenAPI with the queue entry as its answer', async () => {
    const docs = (await t.http().get('/api/docs/json')).body as { paths: Record<string, { get?: { responses?: Record<string, unknown> } }> };
    const operation = docs.paths['/api/proposals/{id}/review']?.get;
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(JSON.stringify(operation?.responses?.['200'])).toContain('supportCount');
  });
});

describe('GET /api/cycles/:id/ballot-projects', () => {
  it('lists feasible proposals at the staff cost: staff/admin before voting, everyone after', async () => {
    const ballotCycle = await arrangeCycle(t.db, { wardIds, phase: 'feasibility' });
    const yes = await arrangeProposal(t.db, ballotCycle, author.id, { status: 'shortlisted', title: 'Yes', estimatedCost: 4_000 });
    const no = await arrangeProposal(t.db, ballotCycle, author.id, { status: 'shortlisted', title: 'No' });
    await t
      .http()
      .put(`/api/proposals/${yes}/feasibility`)
      .set(cast.staff.auth)
      .send(verdict({ verdict: 'feasible', costEstimate: 5_500, breakdown: [{ item: 'All in', amount: 5_500 }] }))
      .expect(200);
    await t
      .http()
      .put(`/api/proposals/${no}/feasibility`)
      .set(cast.staff.auth)
      .send(verdict({ verdict: 'not_feasible', publicExplanation: 'The land belongs to the railway.' }))
      .expect(200);
    const expected = [{ id: yes, potId: ballotCycle.pots[wardIds[0] ?? ''], title: 'Yes', cost: 5_500 }];
    for (const caller of CALLERS) {
      const response = await t.http().get(`/api/cycles/${ballotCycle.id}/ballot-projects`).set(cast[caller].auth);
      if (caller === 'staff' || caller === 'admin') expect(BallotProjectList.parse(response.body).projects).toEqual(expected);
      else expectEnvelope(response, caller === 'signedOut' ? 401 : 403);
    }
    await setPhase(t.db, ballotCycle.id, 'voting');
    for (const caller of CALLERS) {
      const response = await t.http().get(`/api/cycles/${ballotCycle.id}/ballot-projects`).set(cast[caller].auth);
      expect(BallotProjectList.parse(response.body).projects).toEqual(expected);
    }
  });
});

describe('notifications', () => {
  it('marks my notification read, and treats someone else’s as missing', async () => {
    const reader = await arrangeResident(t);
    const id = await arrangeProposal(t.db, cycle, reader.id, { status: 'shortlisted' });
    await t.http().put(`/api/proposals/${id}/feasibility`).set(cast.staff.auth).send(verdict()).expect(200);
    const inbox = NotificationList.parse((await t.http().get('/api/notifications').set(reader.auth)).body);
    const note = inbox.notifications[0];
    if (note === undefined) throw new Error('no notification');
    expectEnvelope(await t.http().post(`/api/notifications/${note.id}/read`).set(cast.resident.auth), 404);
    expect(await count(t.db, sql`${notifications} where id = ${note.id} and read_at is null`)).toBe(1);
    expectEnvelope(await t.http().post(`/api/notifications/${note.id}/read`), 401);
    const read = await t.http().post(`/api/notifications/${note.id}/read`).set(reader.auth);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const after = NotificationList.parse((await t.http().get('/api/notifications').query({ unreadOnly: 'true' }).set(reader.auth)).body);
    expect(after).toMatchObject({ total: 0, unread: 0 });
  });

  it('answers every signed-in role with their own list and refuses signed-out callers', async () => {
    for (const caller of CALLERS) {
      const response = await t.http().get('/api/notifications').set(cast[caller].auth);
      if (caller === 'signedOut') expectEnvelope(response, 401);
      else expect(NotificationList.parse(response.body).notifications.every((n) => n.kind !== undefined)).toBe(true);
    }
  });
});
