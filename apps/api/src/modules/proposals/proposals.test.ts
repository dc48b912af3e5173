import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Proposal, ProposalList } from '@allot/shared';
import { proposalAuthors, proposals } from '../../db/schema';
import { count, createWard, expectEnvelope, useTestApp } from '../../../test/helpers';
import {
  arrangeCast,
  arrangeCycle,
  arrangeProposal,
  arrangeResident,
  CALLERS,
  type ArrangedCycle,
  type Cast,
} from '../cycles/test-fixtures';

const t = useTestApp();
let cast: Cast;
let wardIds: string[];
let open: ArrangedCycle;

beforeAll(async () => {
  wardIds = [(await createWard(t.db)).id, (await createWard(t.db)).id];
  cast = await arrangeCast(t, wardIds[0] ?? '');
  open = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
});

const proposalCount = () => count(t.db, sql`${proposals}`);

const idea = (potId: string, overrides: Record<string, unknown> = {}) => ({
  title: 'Wildflower verges on Mill Lane',
  description: 'Replace mown grass with **native wildflowers** along Mill Lane, with signs made by the primary school.',
  potId,
  category: 'environment-and-climate',
  estimatedCost: 8_500,
  location: { description: 'Mill Lane, between the church and the allotments', lat: 51.5, lng: -0.12 },
  contribution: { volunteerHours: 40, inKindGoods: 'Seed from the allotment society', matchFunding: 500 },
  ...overrides,
});

describe('POST /api/cycles/:id/proposals', () => {
  it('lets a resident submit an idea during the proposals phase, crediting them as author', async () => {
    const potId = open.pots[wardIds[0] ?? ''] ?? '';
    const response = await t.http().post(`/api/cycles/${open.id}/proposals`).set(cast.resident.auth).send(idea(potId));
    expect(response.status).toBe(201);
    const proposal = Proposal.parse(response.body);
    expect(proposal).toMatchObject({
      status: 'submitted',
      potId,
      wardId: wardIds[0],
      estimatedCost: 8_500,
      isAuthor: true,
      supportCount: 0,
      feasibility: null,
      authors: [{ id: cast.resident.id, displayName: 'Test Person' }],
      contribution: { volunteerHours: 40, matchFunding: 500 },
    });
  });

  it('stores script and HTML verbatim and returns them as JSON data', async () => {
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)> **bold**';
    const response = await t
      .http()
      .post(`/api/cycles/${open.id}/proposals`)
      .set(cast.resident.auth)
      .send(idea(open.cityPotId, { title: '<b>Bold</b> <script>x</script>', description: payload }));
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const proposal = Proposal.parse(response.body);
    expect(proposal.description).toBe(payload);
    expect(proposal.title).toBe('<b>Bold</b> <script>x</script>');
    const again = await t.http().get(`/api/proposals/${proposal.id}`);
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(Proposal.parse(again.body).description).toBe(payload);
  });

  it.each(['signedOut', 'staff', 'councillor', 'admin'] as const)('refuses %s (residents only) and stores nothing', async (caller) => {
    const before = await proposalCount();
    const response = await t.http().post(`/api/cycles/${open.id}/proposals`).set(cast[caller].auth).send(idea(open.cityPotId));
    expectEnvelope(response, caller === 'signedOut' ? 401 : 403);
    expect(await proposalCount()).toBe(before);
  });

  it.each(['draft', 'deliberation', 'feasibility', 'voting'] as const)('answers 409 outside the proposals phase (%s)', async (phase) => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase });
    const before = await proposalCount();
    const response = await t.http().post(`/api/cycles/${cycle.id}/proposals`).set(cast.resident.auth).send(idea(cycle.cityPotId));
    // A draft is invisible to residents (404); later phases explain themselves (409).
    expect(expectEnvelope(response, phase === 'draft' ? 404 : 409).message).toMatch(phase === 'draft' ? /No cycle/ : /proposals/);
    expect(await proposalCount()).toBe(before);
  });

  it.each([
    ['a negative cost', { estimatedCost: -100 }, 'estimatedCost'],
    ['a zero cost', { estimatedCost: 0 }, 'estimatedCost'],
    ['a non-numeric cost', { estimatedCost: 'about 5k' }, 'estimatedCost'],
    ['a cost with pence', { estimatedCost: 99.99 }, 'estimatedCost'],
    ['a cost above the pot budget', { estimatedCost: 50_001 }, 'estimatedCost'],
    ['an unknown pot', { potId: '00000000-0000-4000-8000-000000000000' }, 'potId'],
    ['a title over 120 characters', { title: 'x'.repeat(121) }, 'title'],
    ['a description over 10,000 characters', { description: 'y'.repeat(10_001) }, 'description'],
    ['an unknown category', { category: 'fireworks' }, 'category'],
    ['a latitude off the globe', { location: { lat: 123 } }, 'location.lat'],
    ['negative volunteer hours', { contribution: { volunteerHours: -3 } }, 'contribution.volunteerHours'],
    ['an extra field', { status: 'feasible' }, 'status'],
  ])('answers 400 for %s and stores nothing', async (_name, overrides, path) => {
    const before = await proposalCount();
    const potId = open.pots[wardIds[0] ?? ''] ?? '';
    const response = await t.http().post(`/api/cycles/${open.id}/proposals`).set(cast.resident.auth).send(idea(potId, overrides));
    expect(expectEnvelope(response, 400).issues?.map((issue) => issue.path)).toContain(path);
    expect(await proposalCount()).toBe(before);
  });

  it('answers 400 for a pot of another cycle', async () => {
    const other = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
    const before = await proposalCount();
    const response = await t.http().post(`/api/cycles/${open.id}/proposals`).set(cast.resident.auth).send(idea(other.cityPotId));
    expect(expectEnvelope(response, 400).issues?.[0]?.path).toBe('potId');
    expect(await proposalCount()).toBe(before);
  });
});

describe('GET /api/cycles/:id/proposals', () => {
  let cycle: ArrangedCycle;
  beforeAll(async () => {
    cycle = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
    const author = await arrangeResident(t);
    const [first, second] = wardIds;
    await arrangeProposal(t.db, cycle, author.id, { potId: cycle.pots[first ?? ''], title: 'Skate park lights', category: 'play-and-youth' });
    await arrangeProposal(t.db, cycle, author.id, { potId: cycle.pots[first ?? ''], title: 'Library story hour', category: 'learning-and-skills' });
    await arrangeProposal(t.db, cycle, author.id, { potId: cycle.pots[second ?? ''], title: 'Bus shelter mural', category: 'arts-and-culture' });
    const gone = await arrangeProposal(t.db, cycle, author.id, { potId: cycle.cityPotId, title: 'Withdrawn idea' });
    await t.db.update(proposals).set({ status: 'withdrawn' }).where(sql`${proposals.id} = ${gone}`);
  });

  it('lists to every caller, hiding withdrawn ideas by default, with a total', async () => {
    for (const caller of CALLERS) {
      const response = await t.http().get(`/api/cycles/${cycle.id}/proposals`).set(cast[caller].auth);
      expect(response.status).toBe(200);
      const list = ProposalList.parse(response.body);
      expect(list.total).toBe(3);
      expect(list.proposals.map((p) => p.title).sort()).toEqual(['Bus shelter mural', 'Library story hour', 'Skate park lights']);
    }
  });

  it('filters by ward, pot, category, status and words, and paginates', async () => {
    const get = async (query: Record<string, string | number>) =>
      ProposalList.parse((await t.http().get(`/api/cycles/${cycle.id}/proposals`).query(query)).body);
    expect((await get({ wardId: wardIds[0] ?? '' })).total).toBe(2);
    expect((await get({ potId: cycle.pots[wardIds[1] ?? ''] ?? '' })).proposals.map((p) => p.title)).toEqual(['Bus shelter mural']);
    expect((await get({ category: 'play-and-youth' })).proposals.map((p) => p.title)).toEqual(['Skate park lights']);
    expect((await get({ status: 'withdrawn' })).proposals.map((p) => p.title)).toEqual(['Withdrawn idea']);
    expect((await get({ q: 'MURAL' })).proposals.map((p) => p.title)).toEqual(['Bus shelter mural']);
    expect((await get({ q: '100%_' })).total).toBe(0);
    const page = await get({ sort: 'title', limit: 2, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.proposals.map((p) => p.title)).toEqual(['Library story hour', 'Skate park lights']);
  });

  it('answers 400 for a bad filter and 404 for a draft cycle seen by a resident', async () => {
    expectEnvelope(await t.http().get(`/api/cycles/${cycle.id}/proposals`).query({ limit: 0 }), 400);
    const draft = await arrangeCycle(t.db, { wardIds });
    expectEnvelope(await t.http().get(`/api/cycles/${draft.id}/proposals`).set(cast.resident.auth), 404);
  });
});

describe('PATCH /api/proposals/:id and withdraw', () => {
  it('lets the author revise during proposals and deliberation', async () => {
    const author = await arrangeResident(t);
    const id = await arrangeProposal(t.db, open, author.id);
    const response = await t.http().patch(`/api/proposals/${id}`).set(author.auth).send({ title: 'Oak benches along the river', estimatedCost: 14_000 });
    expect(response.status).toBe(200);
    expect(Proposal.parse(response.body)).toMatchObject({ title: 'Oak benches along the river', estimatedCost: 14_000 });
  });

  it.each(CALLERS)('refuses %s editing someone else’s proposal, changing nothing', async (caller) => {
    const author = await arrangeResident(t);
    const id = await arrangeProposal(t.db, open, author.id, { title: 'Original title' });
    const response = await t.http().patch(`/api/proposals/${id}`).set(cast[caller].auth).send({ title: 'Vandalised' });
    expectEnvelope(response, caller === 'signedOut' ? 401 : 403);
    expect(await count(t.db, sql`${proposals} where id = ${id} and title = 'Original title'`)).toBe(1);
  });

  it.each(['feasibility', 'voting'] as const)('answers 409 for an edit once %s has started, changing nothing', async (phase) => {
    const cycle = await arrangeCycle(t.db, { wardIds, phase: 'deliberation' });
    const author = await arrangeResident(t);
    const id = await arrangeProposal(t.db, cycle, author.id, { title: 'Original title', status: 'shortlisted' });
    await t.db.execute(sql`update cycles set phase = ${phase} where id = ${cycle.id}`);
    const response = await t.http().patch(`/api/proposals/${id}`).set(author.auth).send({ title: 'Late change' });
    expect(expectEnvelope(response, 409).message).toMatch(/until feasibility checks start/);
    expect(await count(t.db, sql`${proposals} where id = ${id} and title = 'Original title'`)).toBe(1);
  });

  it('answers 400 for a cost above the pot budget and for an empty change', async () => {
    const author = await arrangeResident(t);
    const id = await arrangeProposal(t.db, open, author.id, { estimatedCost: 1000 });
    expectEnvelope(await t.http().patch(`/api/proposals/${id}`).set(author.auth).send({ estimatedCost: 10_000_000 }), 400);
    expectEnvelope(await t.http().patch(`/api/proposals/${id}`).set(author.auth).send({}), 400);
    expect(await count(t.db, sql`${proposals} where id = ${id} and estimated_cost = 1000`)).toBe(1);
  });

  it('lets the author withdraw once, and refuses anyone else', async () => {
    const author = await arrangeResident(t);
    const id = await arrangeProposal(t.db, open, author.id);
    for (const caller of CALLERS) {
      expectEnvelope(await t.http().post(`/api/proposals/${id}/withdraw`).set(cast[caller].auth), caller === 'signedOut' ? 401 : 403);
    }
    expect(await count(t.db, sql`${proposals} where id = ${id} and status = 'submitted'`)).toBe(1);
    const response = await t.http().post(`/api/proposals/${id}/withdraw`).set(author.auth);
    expect(Proposal.parse(response.body).status).toBe('withdrawn');
    expectEnvelope(await t.http().post(`/api/proposals/${id}/withdraw`).set(author.auth), 409);
    expectEnvelope(await t.http().patch(`/api/proposals/${id}`).set(author.auth).send({ title: 'Back again' }), 409);
  });

  it('answers 404 for an unknown proposal', async () => {
    expectEnvelope(await t.http().get('/api/proposals/00000000-0000-4000-8000-000000000000'), 404);
    expect(await count(t.db, sql`${proposalAuthors} where proposal_id = '00000000-0000-4000-8000-000000000000'`)).toBe(0);
  });
});
