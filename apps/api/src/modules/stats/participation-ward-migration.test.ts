/**
 * Migration 0007 stores the ward a voter voted as on `participation` and backfills the rows cast
 * before it, from the ward the councillor figures used to read. This file runs that backfill
 * statement, as written in the migration, on rows whose ward was cleared.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createAccount, createWard, useTestApp } from '../../../test/helpers';
import { migrationsFolder } from '../../db/client';
import type { Principal } from '../../types';
import { castOnlineBallot } from '../ballots/ballots.service';
import { arrangeVotingCycle, participationWard, type VotingCycle } from '../ballots/test-fixtures';
import { verifyWard } from '../paper-ballots/paper-ballots.service';

const t = useTestApp();

/** The last statement of migrations/0007_participation_ward.sql: the hand-written backfill. */
async function backfillStatement(): Promise<string> {
  const text = await readFile(path.join(migrationsFolder, '0007_participation_ward.sql'), 'utf8');
  const statement = text.split('--> statement-breakpoint').at(-1) ?? '';
  expect(statement).toMatch(/UPDATE "participation"/);
  return statement;
}

describe('migration 0007: backfilling the ward of earlier participation rows', () => {
  it('takes the ward the figures used to read (verified only where the cycle requires it), and only a ward of the cycle', async () => {
    const clerk: Principal = { userId: (await createAccount(t.db, { roles: ['staff'] })).id, roles: ['staff'], sessionId: randomUUID() };
    const secret = t.app.config.ballotSecret ?? '';
    const vote = async (cycle: VotingCycle, potId: string, projectId: string, homeWardId: string, verifiedWardId?: string) => {
      const voter = await createAccount(t.db, { homeWardId });
      if (verifiedWardId !== undefined) await verifyWard(t.db, clerk, 'test', voter.id, verifiedWardId);
      const principal: Principal = { userId: voter.id, roles: ['resident'], sessionId: randomUUID() };
      await castOnlineBallot(t.db, secret, principal, { cycleId: cycle.id, selections: [{ potId, projects: [projectId] }] });
      return voter.id;
    };

    const declared = await arrangeVotingCycle(t.db, { eligibility: { wardEstablishment: 'self-declared' } });
    const home = await vote(declared, declared.potA, declared.a[0] ?? '', declared.wardA);
    const verifiedOverHome = await vote(declared, declared.potB, declared.b[0] ?? '', declared.wardA, declared.wardB);
    const movedAway = await vote(declared, declared.potA, declared.a[0] ?? '', declared.wardA);
    const elsewhere = (await createWard(t.db)).id;
    await t.db.execute(sql`update users set home_ward_id = ${elsewhere} where id = ${movedAway}`);

    const verified = await arrangeVotingCycle(t.db, { eligibility: { wardEstablishment: 'verified' } });
    const verifiedVoter = await vote(verified, verified.potA, verified.a[0] ?? '', verified.wardB, verified.wardA);
    const verificationGone = await vote(verified, verified.potA, verified.a[0] ?? '', verified.wardB, verified.wardA);
    await t.db.execute(sql`delete from ward_verifications where user_id = ${verificationGone}`);

    // As before the migration: no ward stored.
    await t.db.execute(sql`update participation set ward_id = null`);
    await t.db.execute(sql.raw(await backfillStatement()));

    expect(await participationWard(t.db, declared.id, home)).toBe(declared.wardA);
    expect(await participationWard(t.db, declared.id, verifiedOverHome)).toBe(declared.wardB);
    // Now living in a ward outside the cycle: left null (the figures keep reading the current ward).
    expect(await participationWard(t.db, declared.id, movedAway)).toBeNull();
    expect(await participationWard(t.db, verified.id, verifiedVoter)).toBe(verified.wardA);
    // A cycle that requires verification never falls back to the declared home ward.
    expect(await participationWard(t.db, verified.id, verificationGone)).toBeNull();
  });

  it('leaves a ward already stored alone', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const voter = await createAccount(t.db, { homeWardId: cycle.wardA });
    await castOnlineBallot(t.db, t.app.config.ballotSecret ?? '', { userId: voter.id, roles: ['resident'], sessionId: randomUUID() }, {
      cycleId: cycle.id,
      selections: [{ potId: cycle.potA, projects: [cycle.a[0] ?? ''] }],
    });
    await t.db.execute(sql`update users set home_ward_id = ${cycle.wardB} where id = ${voter.id}`);
    await t.db.execute(sql.raw(await backfillStatement()));
    expect(await participationWard(t.db, cycle.id, voter.id)).toBe(cycle.wardA);
  });
});
