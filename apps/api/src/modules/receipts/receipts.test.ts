import { beforeAll, describe, expect, it } from 'vitest';
import { expectEnvelope, useTestApp } from '../../../test/helpers';
import { setPhase } from '../cycles/cycles.repository';
import { arrangeVoter, arrangeVotingCycle, type Voter, type VotingCycle } from '../ballots/test-fixtures';

const t = useTestApp();

describe('receipts board', () => {
  let cycle: VotingCycle;
  let receipts: { receipt: string; contentHash: string }[];
  let replaced: string;
  beforeAll(async () => {
    cycle = await arrangeVotingCycle(t.db);
    const staff = await arrangeVoter(t, { wardId: null, roles: ['staff'] });
    receipts = [];
    const voters: Voter[] = [];
    for (let i = 0; i < 4; i++) voters.push(await arrangeVoter(t, { wardId: i % 2 === 0 ? cycle.wardA : cycle.wardB }));
    for (const [i, voter] of voters.entries()) {
      const selections = [{ potId: i % 2 === 0 ? cycle.potA : cycle.potB, projects: [i % 2 === 0 ? cycle.a[0] : cycle.b[0]] }];
      const cast = await t.http().put(`/api/cycles/${cycle.id}/ballot`).set(voter.auth).send({ selections });
      if (i === 0) {
        // re-cast: only the last receipt counts
        replaced = cast.body.receipt as string;
        const again = await t.http().put(`/api/cycles/${cycle.id}/ballot`).set(voter.auth).send({ selections: [{ potId: cycle.potA, projects: [cycle.a[1]] }] });
        receipts.push({ receipt: again.body.receipt as string, contentHash: again.body.contentHash as string });
      } else {
        receipts.push({ receipt: cast.body.receipt as string, contentHash: cast.body.contentHash as string });
      }
    }
    const paperVoter = await arrangeVoter(t, { wardId: cycle.wardA });
    const paper = await t.http().post(`/api/cycles/${cycle.id}/paper-ballots`).set(staff.auth).send({ userId: paperVoter.id, selections: [{ potId: cycle.cityPot, projects: [cycle.city[0]] }] });
    receipts.push({ receipt: paper.body.receipt as string, contentHash: paper.body.contentHash as string });
  });

  it('is refused while voting is open', async () => {
    const response = await t.http().get(`/api/cycles/${cycle.id}/receipts`);
    expect(expectEnvelope(response, 409).message).toMatch(/opens when voting has closed/);
    expectEnvelope(await t.http().get(`/api/cycles/${cycle.id}/receipts/${receipts[0]?.receipt ?? ''}`), 409);
  });

  it('lists exactly the counted ballots, sorted by receipt, to anyone once voting has closed', async () => {
    await setPhase(t.db, cycle.id, 'counting');
    const response = await t.http().get(`/api/cycles/${cycle.id}/receipts`);
    expect(response.status).toBe(200);
    const expected = [...receipts].sort((x, y) => (x.receipt < y.receipt ? -1 : 1));
    expect(response.body).toEqual({ cycleId: cycle.id, total: 5, receipts: expected, next: null });
    expect(JSON.stringify(response.body)).not.toContain(replaced);
  });

  it('pages through the board by receipt', async () => {
    const first = await t.http().get(`/api/cycles/${cycle.id}/receipts`).query({ limit: 2 });
    expect(first.body.receipts).toHaveLength(2);
    const second = await t.http().get(`/api/cycles/${cycle.id}/receipts`).query({ limit: 10, after: first.body.next as string });
    expect([...first.body.receipts, ...second.body.receipts]).toHaveLength(5);
    expect(second.body.next).toBeNull();
  });

  it('checks one receipt: counted with its hash, a replaced or unknown one is not found', async () => {
    const mine = receipts[1];
    const check = await t.http().get(`/api/cycles/${cycle.id}/receipts/${mine?.receipt ?? ''}`);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ receipt: mine?.receipt, counted: true, contentHash: mine?.contentHash });
    expectEnvelope(await t.http().get(`/api/cycles/${cycle.id}/receipts/${replaced}`), 404);
    expectEnvelope(await t.http().get(`/api/cycles/${cycle.id}/receipts/not-a-code`), 400);
  });
});
