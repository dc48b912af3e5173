import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { createPostgresDatabase } from '../../db/client';
import { Comment, CommentList, Proposal, RoundCloseResult, SupportState } from '@allot/shared';
import { auditLog, commentFlags, comments, deliberationRounds, notifications, proposalAuthors, proposals, proposalSupports } from '../../db/schema';
import { count, createWard, expectEnvelope, testConfig, usingPostgres, useTestApp } from '../../../test/helpers';
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
import { addSupport } from './deliberation.repository';
import { selectShortlist } from './shortlist';

const t = useTestApp();
let cast: Cast;
let wardIds: string[];
let cycle: ArrangedCycle;
let author: Person;

beforeAll(async () => {
  wardIds = [(await createWard(t.db)).id, (await createWard(t.db)).id];
  cast = await arrangeCast(t, wardIds[0] ?? '');
  cycle = await arrangeCycle(t.db, { wardIds, phase: 'deliberation' });
  author = await arrangeResident(t, wardIds[0] ?? null);
});

const commentCount = () => count(t.db, sql`${comments}`);
const supportsOf = (id: string) => count(t.db, sql`${proposalSupports} where proposal_id = ${id}`);

async function arrangeComment(proposalId: string, by: Person, body = 'Great idea, the path floods though.'): Promise<Comment> {
  const response = await t.http().post(`/api/proposals/${proposalId}/comments`).set(by.auth).send({ body });
  if (response.status !== 201) throw new Error(`comment failed: ${response.status} ${JSON.stringify(response.body)}`);
  return Comment.parse(response.body);
}

describe('comments', () => {
  it('lets residents comment and reply in a thread that anyone can read', async () => {
    const id = await arrangeProposal(t.db, cycle, author.id);
    const top = await arrangeComment(id, cast.resident);
    const reply = await t.http().post(`/api/proposals/${id}/comments`).set(author.auth).send({ body: 'We will raise it.', parentId: top.id });
    expect(reply.status).toBe(201);
    expect(Comment.parse(reply.body)).toMatchObject({ parentId: top.id, author: { id: author.id } });
    for (const caller of CALLERS) {
      const list = CommentList.parse((await t.http().get(`/api/proposals/${id}/comments`).set(cast[caller].auth)).body);
      expect(list.comments.map((comment) => comment.parentId)).toEqual([null, top.id]);
      expect(list.comments[0]?.flagCount).toBe(caller === 'staff' || caller === 'admin' ? 0 : null);
    }
  });

  it('keeps script and HTML in a comment as plain data', async () => {
    const id = await arrangeProposal(t.db, cycle, author.id);
    const body = '<img src=x onerror="alert(document.cookie)"><script>steal()</script>';
    expect((await arrangeComment(id, cast.resident, body)).body).toBe(body);
    const list = await t.http().get(`/api/proposals/${id}/comments`);
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    expect(CommentList.parse(list.body).comments[0]?.body).toBe(body);
  });

  it.each(['signedOut', 'staff', 'councillor', 'admin'] as const)('refuses %s (residents only), storing nothing', async (caller) => {
    const id = await arrangeProposal(t.db, cycle, author.id);
    const before = await commentCount();
    expectEnvelope(await t.http().post(`/api/proposals/${id}/comments`).set(cast[caller].auth).send({ body: 'Hello' }), caller === 'signedOut' ? 401 : 403);
    expect(await commentCount()).toBe(before);
  });

  it.each([
    ['an over-long comment', { body: 'z'.repeat(2001) }, 'body'],
    ['an empty comment', { body: '   ' }, 'body'],
    ['a reply to a comment on another proposal', 'other', 'parentId'],
  ])('answers 400 for %s, storing nothing', async (_name, body, path) => {
    const id = await arrangeProposal(t.db, cycle, author.id);
    let payload: object = body as object;
    if (body === 'other') {
      const elsewhere = await arrangeComment(await arrangeProposal(t.db, cycle, author.id), cast.resident);
      payload = { body: 'Replying across proposals', parentId: elsewhere.id };
    }
    const before = await commentCount();
    const response = await t.http().post(`/api/proposals/${id}/comments`).set(cast.resident.auth).send(payload);
    expect(expectEnvelope(response, 400).issues?.map((issue) => issue.path)).toContain(path);
    expect(await commentCount()).toBe(before);
  });

  it.each(['proposals', 'feasibility'] as const)('answers 409 during %s, storing nothing', async (phase) => {
    const other = await arrangeCycle(t.db, { wardIds, phase });
    const id = await arrangeProposal(t.db, other, author.id);
    const before = await commentCount();
    const response = await t.http().post(`/api/proposals/${id}/comments`).set(cast.resident.auth).send({ body: 'Too early or too late' });
    expect(expectEnvelope(response, 409).message).toMatch(/during deliberation only/);
    expect(await commentCount()).toBe(before);
  });
});

describe('flagging and hiding comments', () => {
  it('lets a resident flag a comment once', async () => {
    const comment = await arrangeComment(await arrangeProposal(t.db, cycle, author.id), author);
    expect((await t.http().post(`/api/comments/${comment.id}/flag`).set(cast.resident.auth)).status).toBe(204);
    expectEnvelope(await t.http().post(`/api/comments/${comment.id}/flag`).set(cast.resident.auth), 409);
    expect(await count(t.db, sql`${commentFlags} where comment_id = ${comment.id}`)).toBe(1);
    for (const caller of ['signedOut', 'staff', 'councillor', 'admin'] as const) {
      expectEnvelope(await t.http().post(`/api/comments/${comment.id}/flag`).set(cast[caller].auth), caller === 'signedOut' ? 401 : 403);
    }
    expect(await count(t.db, sql`${commentFlags} where comment_id = ${comment.id}`)).toBe(1);
  });

  it('lets staff hide a comment with a reason: everyone sees the reason, only the author and staff the text', async () => {
    const id = await arrangeProposal(t.db, cycle, author.id);
    const writer = await arrangeResident(t);
    const comment = await arrangeComment(id, writer, 'Something rude');
    const response = await t.http().post(`/api/comments/${comment.id}/hide`).set(cast.staff.auth).send({ reason: 'Personal abuse' });
    expect(response.status).toBe(200);
    expect(Comment.parse(response.body)).toMatchObject({ body: 'Something rude', hidden: { reason: 'Personal abuse' } });
    const seenBy = async (who: Person) =>
      CommentList.parse((await t.http().get(`/api/proposals/${id}/comments`).set(who.auth)).body).comments[0];
    for (const caller of ['signedOut', 'resident', 'councillor'] as const) {
      expect(await seenBy(cast[caller])).toMatchObject({ body: null, hidden: { reason: 'Personal abuse' } });
    }
    expect(await seenBy(writer)).toMatchObject({ body: 'Something rude', hidden: { reason: 'Personal abuse' } });
    expect(await seenBy(cast.staff)).toMatchObject({ body: 'Something rude' });
    expect(await count(t.db, sql`${auditLog} where action = 'comment.hide' and target_id = ${comment.id} and actor_id = ${cast.staff.id}`)).toBe(1);
    expect(await count(t.db, sql`${notifications} where user_id = ${writer.id} and kind = 'comment.hidden'`)).toBe(1);
    expectEnvelope(await t.http().post(`/api/comments/${comment.id}/hide`).set(cast.staff.auth).send({ reason: 'Again' }), 409);
  });

  it('answers 400 without a reason and refuses non-staff, changing nothing', async () => {
    const comment = await arrangeComment(await arrangeProposal(t.db, cycle, author.id), author);
    expect(expectEnvelope(await t.http().post(`/api/comments/${comment.id}/hide`).set(cast.staff.auth).send({}), 400).issues?.[0]?.path).toBe('reason');
    for (const caller of ['signedOut', 'resident', 'councillor', 'admin'] as const) {
      expectEnvelope(
        await t.http().post(`/api/comments/${comment.id}/hide`).set(cast[caller].auth).send({ reason: 'Because' }),
        caller === 'signedOut' ? 401 : 403,
      );
    }
    expect(await count(t.db, sql`${comments} where id = ${comment.id} and hidden_at is null`)).toBe(1);
    expect(await count(t.db, sql`${auditLog} where target_id = ${comment.id}`)).toBe(0);
  });
});

describe('PUT/DELETE /api/proposals/:id/support', () => {
  it('counts a resident’s support once, however often it is sent, and takes it back', async () => {
    const id = await arrangeProposal(t.db, cycle, author.id);
    const first = SupportState.parse((await t.http().put(`/api/proposals/${id}/support`).set(cast.resident.auth)).body);
    expect(first).toEqual({ proposalId: id, supported: true, supportCount: 1 });
    const again = SupportState.parse((await t.http().put(`/api/proposals/${id}/support`).set(cast.resident.auth)).body);
    expect(again.supportCount).toBe(1);
    const proposal = Proposal.parse((await t.http().get(`/api/proposals/${id}`).set(cast.resident.auth)).body);
    expect(proposal).toMatchObject({ supportCount: 1, supportedByMe: true });
    const removed = SupportState.parse((await t.http().delete(`/api/proposals/${id}/support`).set(cast.resident.auth)).body);
    expect(removed).toEqual({ proposalId: id, supported: false, supportCount: 0 });
  });

  it(`counts double support from two parallel requests once${usingPostgres ? '' : ' (PGlite runs them one after the other)'}`, async () => {
    const id = await arrangeProposal(t.db, cycle, author.id);
    const supporter = await arrangeResident(t);
    const answers = await Promise.all([
      t.http().put(`/api/proposals/${id}/support`).set(supporter.auth),
      t.http().put(`/api/proposals/${id}/support`).set(supporter.auth),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(answers.map((answer) => SupportState.parse(answer.body).supportCount)).toEqual([1, 1]);
    expect(await supportsOf(id)).toBe(1);
  });

  it.each(['signedOut', 'staff', 'councillor', 'admin'] as const)('refuses %s (residents only), changing nothing', async (caller) => {
    const id = await arrangeProposal(t.db, cycle, author.id);
    expectEnvelope(await t.http().put(`/api/proposals/${id}/support`).set(cast[caller].auth), caller === 'signedOut' ? 401 : 403);
    expectEnvelope(await t.http().delete(`/api/proposals/${id}/support`).set(cast[caller].auth), caller === 'signedOut' ? 401 : 403);
    expect(await supportsOf(id)).toBe(0);
  });

  it.each(['proposals', 'feasibility', 'voting'] as const)('answers 409 during %s, changing nothing', async (phase) => {
    const other = await arrangeCycle(t.db, { wardIds, phase });
    const id = await arrangeProposal(t.db, other, author.id);
    const response = await t.http().put(`/api/proposals/${id}/support`).set(cast.resident.auth);
    expect(expectEnvelope(response, 409).message).toMatch(/during deliberation only/);
    expect(await supportsOf(id)).toBe(0);
  });

  it('answers 404 for an unknown proposal', async () => {
    expectEnvelope(await t.http().put('/api/proposals/00000000-0000-4000-8000-000000000000/support').set(cast.resident.auth), 404);
  });
});

describe('POST /api/proposals/:id/merge', () => {
  it('merges into a similar proposal: authors credited, supports carried once, comments moved, audited', async () => {
    const otherAuthor = await arrangeResident(t);
    const potId = cycle.pots[wardIds[0] ?? ''];
    const source = await arrangeProposal(t.db, cycle, otherAuthor.id, { potId, title: 'Benches by the pond' });
    const target = await arrangeProposal(t.db, cycle, author.id, { potId, title: 'Seating in Victoria Park' });
    const both = await arrangeResident(t);
    const onlySource = await arrangeResident(t);
    await addSupport(t.db, source, both.id);
    await addSupport(t.db, target, both.id);
    await addSupport(t.db, source, onlySource.id);
    await arrangeComment(source, cast.resident, 'Near the pond please');

    const response = await t.http().post(`/api/proposals/${source}/merge`).set(cast.staff.auth).send({ intoId: target });
    expect(response.status).toBe(200);
    const merged = Proposal.parse(response.body);
    expect(merged.id).toBe(target);
    expect(merged.authors.map((a) => a.id).sort()).toEqual([author.id, otherAuthor.id].sort());
    expect(merged.supportCount).toBe(2);
    expect(merged.commentCount).toBe(1);
    expect(await count(t.db, sql`${proposals} where id = ${source} and status = 'merged' and merged_into_id = ${target}`)).toBe(1);
    expect(await supportsOf(source)).toBe(0);
    expect(await count(t.db, sql`${auditLog} where action = 'proposal.merge' and target_id = ${source} and actor_id = ${cast.staff.id}`)).toBe(1);
    expect(await count(t.db, sql`${notifications} where user_id = ${otherAuthor.id} and kind = 'proposal.merged'`)).toBe(1);
    // The credited author may now edit the merged proposal; the old one is closed to support.
    expect((await t.http().patch(`/api/proposals/${target}`).set(otherAuthor.auth).send({ title: 'Seating by the pond' })).status).toBe(200);
    expectEnvelope(await t.http().put(`/api/proposals/${source}/support`).set(cast.resident.auth), 409);
  });

  it('answers 400 for another pot or the same proposal, changing nothing', async () => {
    const a = await arrangeProposal(t.db, cycle, author.id, { potId: cycle.pots[wardIds[0] ?? ''] });
    const b = await arrangeProposal(t.db, cycle, author.id, { potId: cycle.pots[wardIds[1] ?? ''] });
    expect(expectEnvelope(await t.http().post(`/api/proposals/${a}/merge`).set(cast.staff.auth).send({ intoId: b }), 400).message).toMatch(/same pot/);
    expectEnvelope(await t.http().post(`/api/proposals/${a}/merge`).set(cast.staff.auth).send({ intoId: a }), 400);
    const other = await arrangeCycle(t.db, { wardIds, phase: 'deliberation' });
    const c = await arrangeProposal(t.db, other, author.id, { potId: other.pots[wardIds[0] ?? ''] });
    expectEnvelope(await t.http().post(`/api/proposals/${a}/merge`).set(cast.staff.auth).send({ intoId: c }), 400);
    expect(await count(t.db, sql`${proposals} where id in (${a}, ${b}, ${c}) and status = 'submitted'`)).toBe(3);
  });

  it('refuses everyone but staff and changes nothing', async () => {
    const a = await arrangeProposal(t.db, cycle, author.id, { potId: cycle.cityPotId });
    const b = await arrangeProposal(t.db, cycle, author.id, { potId: cycle.cityPotId });
    for (const caller of ['signedOut', 'resident', 'councillor', 'admin'] as const) {
      expectEnvelope(await t.http().post(`/api/proposals/${a}/merge`).set(cast[caller].auth).send({ intoId: b }), caller === 'signedOut' ? 401 : 403);
    }
    expect(await count(t.db, sql`${proposals} where id = ${a} and status = 'submitted'`)).toBe(1);
    expect(await count(t.db, sql`${proposalAuthors} where proposal_id = ${b}`)).toBe(1);
  });

  it('answers 409 once feasibility has started', async () => {
    const other = await arrangeCycle(t.db, { wardIds, phase: 'feasibility' });
    const a = await arrangeProposal(t.db, other, author.id, { potId: other.cityPotId, status: 'shortlisted' });
    const b = await arrangeProposal(t.db, other, author.id, { potId: other.cityPotId, status: 'shortlisted' });
    expectEnvelope(await t.http().post(`/api/proposals/${a}/merge`).set(cast.staff.auth).send({ intoId: b }), 409);
    expect(await count(t.db, sql`${proposals} where id = ${a} and status = 'shortlisted'`)).toBe(1);
  });
});

describe('closing a deliberation round', () => {
  it('keeps the top N per pot by supports, letting ties at the cut-off through', () => {
    const outcome = selectShortlist({ kind: 'topN', n: 2 }, [
      { id: 'a', potId: 'p', supports: 9 },
      { id: 'b', potId: 'p', supports: 5 },
      { id: 'c', potId: 'p', supports: 5 },
      { id: 'd', potId: 'p', supports: 1 },
      { id: 'e', potId: 'q', supports: 0 },
    ]);
    expect(outcome).toEqual({ shortlisted: ['a', 'b', 'c', 'e'], notShortlisted: ['d'] });
  });

  it('lets staff close a round with a threshold rule, shortlisting and auditing', async () => {
    const round = await arrangeCycle(t.db, { wardIds, phase: 'deliberation', rounds: [{ shortlistRule: { kind: 'threshold', minSupports: 1 } }, { shortlistRule: null }] });
    const liked = await arrangeProposal(t.db, round, author.id);
    const ignored = await arrangeProposal(t.db, round, author.id);
    await addSupport(t.db, liked, cast.resident.id);
    const roundId = round.roundIds[0] ?? '';
    const response = await t.http().post(`/api/cycles/${round.id}/rounds/${roundId}/close`).set(cast.staff.auth);
    expect(response.status).toBe(200);
    expect(RoundCloseResult.parse(response.body)).toMatchObject({ shortlisted: [liked], notShortlisted: [ignored] });
    expect(await count(t.db, sql`${proposals} where id = ${liked} and status = 'shortlisted'`)).toBe(1);
    expect(await count(t.db, sql`${proposals} where id = ${ignored} and status = 'not_shortlisted'`)).toBe(1);
    expect(await count(t.db, sql`${auditLog} where action = 'deliberation.round.close' and target_id = ${round.id}`)).toBe(1);
    expectEnvelope(await t.http().post(`/api/cycles/${round.id}/rounds/${roundId}/close`).set(cast.admin.auth), 409);
    // Admins may close rounds too.
    expect((await t.http().post(`/api/cycles/${round.id}/rounds/${round.roundIds[1] ?? ''}/close`).set(cast.admin.auth)).status).toBe(200);
  });

  it('refuses residents, councillors and signed-out callers, and any phase but deliberation', async () => {
    const round = await arrangeCycle(t.db, { wardIds, phase: 'deliberation', rounds: [{ shortlistRule: { kind: 'topN', n: 1 } }] });
    const roundId = round.roundIds[0] ?? '';
    for (const caller of ['signedOut', 'resident', 'councillor'] as const) {
      expectEnvelope(await t.http().post(`/api/cycles/${round.id}/rounds/${roundId}/close`).set(cast[caller].auth), caller === 'signedOut' ? 401 : 403);
    }
    const early = await arrangeCycle(t.db, { wardIds, phase: 'proposals' });
    expectEnvelope(await t.http().post(`/api/cycles/${early.id}/rounds/${early.roundIds[0] ?? ''}/close`).set(cast.staff.auth), 409);
    expectEnvelope(await t.http().post(`/api/cycles/${round.id}/rounds/${early.roundIds[0] ?? ''}/close`).set(cast.staff.auth), 404);
    expect(await count(t.db, sql`${deliberationRounds} where cycle_id in (${round.id}, ${early.id}) and closed_at is not null`)).toBe(0);
  });
});

describe.skipIf(!usingPostgres)('two API instances on one database', () => {
  let second: FastifyInstance | undefined;
  beforeAll(async () => {
    const database = createPostgresDatabase({ url: t.url ?? '', poolMax: 5, connectionTimeoutMs: 5_000, statementTimeoutMs: 15_000 });
    second = await buildApp({ config: testConfig(), database, closeDatabaseOnClose: true });
  });
  afterAll(async () => {
    await second?.close();
  });

  it('counts one resident’s support sent to both instances at once exactly once', async () => {
    if (second === undefined) throw new Error('second instance not started');
    const id = await arrangeProposal(t.db, cycle, author.id);
    const supporter = await arrangeResident(t);
    const answers = await Promise.all([
      supertest(t.app.server).put(`/api/proposals/${id}/support`).set(supporter.auth),
      supertest(second.server).put(`/api/proposals/${id}/support`).set(supporter.auth),
      supertest(second.server).put(`/api/proposals/${id}/support`).set(supporter.auth),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(await supportsOf(id)).toBe(1);
  });

  it('never lets a support land after deliberation has ended', async () => {
    if (second === undefined) throw new Error('second instance not started');
    const racing = await arrangeCycle(t.db, { wardIds, phase: 'deliberation', rounds: [{ shortlistRule: { kind: 'threshold', minSupports: 1 } }] });
    const id = await arrangeProposal(t.db, racing, author.id);
    const supporters = await Promise.all([arrangeResident(t), arrangeResident(t), arrangeResident(t)]);
    const [move, ...supports] = await Promise.all([
      supertest(second.server).post(`/api/cycles/${racing.id}/phase`).set(cast.admin.auth),
      ...supporters.map((supporter) => supertest(t.app.server).put(`/api/proposals/${id}/support`).set(supporter.auth)),
    ]);
    expect(move?.status).toBe(200);
    const accepted = supports.filter((answer) => answer.status === 200).length;
    expect(supports.every((answer) => answer.status === 200 || answer.status === 409)).toBe(true);
    // Every accepted support committed before the move and was counted by its shortlist; none after.
    expect(await supportsOf(id)).toBe(accepted);
    const status = accepted > 0 ? 'shortlisted' : 'not_shortlisted';
    expect(await count(t.db, sql`${proposals} where id = ${id} and status = ${status}`)).toBe(1);
  });
});
