import type { FastifyInstance } from 'fastify';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createPostgresDatabase } from '../../db/client';
import { testConfig, usingPostgres, useTestApp } from '../../../test/helpers';
import { arrangeVoter, arrangeVotingCycle, votingRows, type VotingCycle } from './test-fixtures';

// Each test file gets its own pool; 50 parallel casts need more than the default 5 connections.
const t = useTestApp({ dbPoolMax: 20 });

if (!usingPostgres) {
  console.log('[voting concurrency] skipped: set DATABASE_URL to run the cross-instance concurrency tests on PostgreSQL (PGlite runs one query at a time)');
}

describe.skipIf(!usingPostgres)('one ballot per voter under concurrency, across two API instances', () => {
  let second: FastifyInstance | undefined;
  let cycle: VotingCycle;
  beforeAll(async () => {
    const database = createPostgresDatabase({ url: t.url ?? '', poolMax: 20, connectionTimeoutMs: 5_000, statementTimeoutMs: 15_000 });
    second = await buildApp({ config: testConfig(), database, closeDatabaseOnClose: true });
    cycle = await arrangeVotingCycle(t.db, { ballot: { kind: 'approval', maxCount: 2 } });
  });
  afterAll(async () => {
    await second?.close();
  });
  /** The HTTP server of instance `i % 2`. */
  const server = (i: number) => (i % 2 === 0 ? t.app : (second as FastifyInstance)).server;

  it('50 parallel casts of one voter, split over two instances, leave exactly one ballot and one participation row', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const choices = [[cycle.a[0]], [cycle.a[1]], [cycle.a[0], cycle.a[2]], [cycle.a[3]]];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        supertest(server(i))
          .put(`/api/cycles/${cycle.id}/ballot`)
          .set(voter.auth)
          .send({ selections: [{ potId: cycle.potA, projects: choices[i % choices.length] }] }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
    expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: 1, participation: 1 });
    // the stored ballot is one of the answers (the last one to commit)
    const mine = await supertest(t.app.server).get(`/api/cycles/${cycle.id}/ballot`).set(voter.auth);
    expect(answers.map((answer) => answer.body.receipt as string)).toContain(mine.body.current.receipt);
  });

  it('parallel retries with one idempotency key all get the same answer', async () => {
    const voter = await arrangeVoter(t, { wardId: cycle.wardA });
    const before = await votingRows(t.db, cycle.id);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        supertest(server(i))
          .put(`/api/cycles/${cycle.id}/ballot`)
          .set(voter.auth)
          .set('idempotency-key', 'parallel-key')
          .send({ selections: [{ potId: cycle.potA, projects: [cycle.a[1]] }] }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((answer) => answer.body.receipt as string)).size).toBe(1);
    const after = await votingRows(t.db, cycle.id);
    expect(after).toEqual({ ballots: before.ballots + 1, participation: before.participation + 1 });
  });

  it('a paper entry racing an online cast ends with exactly one ballot, whichever wins', async () => {
    const staff = await arrangeVoter(t, { wardId: null, roles: ['staff'] });
    for (let round = 0; round < 10; round++) {
      const voter = await arrangeVoter(t, { wardId: cycle.wardA });
      const before = await votingRows(t.db, cycle.id);
      const [online, paper] = await Promise.all([
        supertest(server(round))
          .put(`/api/cycles/${cycle.id}/ballot`)
          .set(voter.auth)
          .send({ selections: [{ potId: cycle.potA, projects: [cycle.a[0]] }] }),
        supertest(server(round + 1))
          .post(`/api/cycles/${cycle.id}/paper-ballots`)
          .set(staff.auth)
          .send({ userId: voter.id, selections: [{ potId: cycle.potA, projects: [cycle.a[1]] }] }),
      ]);
      expect([online.status, paper.status].sort()).toEqual(online.status === 200 ? [200, 409] : [201, 409]);
      expect(await votingRows(t.db, cycle.id)).toEqual({ ballots: before.ballots + 1, participation: before.participation + 1 });
    }
  });
});
