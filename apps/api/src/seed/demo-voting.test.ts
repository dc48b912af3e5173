import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { count, signIn, useTestApp } from '../../test/helpers';
import { seedDemo } from './demo';
import { DEMO_VOTING_CYCLE } from './demo-voting';

const t = useTestApp();
const PASSWORD = 'demo-password-for-tests';

describe('demo voting cycle', () => {
  it('seeds a cycle in voting with ballot projects and cast ballots, once', async () => {
    const ballotSecret = t.app.config.ballotSecret ?? '';
    await seedDemo(t.db, PASSWORD, { ballotSecret });
    await seedDemo(t.db, PASSWORD, { ballotSecret });
    expect(await count(t.db, sql`cycles where name = ${DEMO_VOTING_CYCLE} and phase = 'voting'`)).toBe(1);
    expect(await count(t.db, sql`ballots b join cycles c on c.id = b.cycle_id where c.name = ${DEMO_VOTING_CYCLE}`)).toBe(3);
    expect(await count(t.db, sql`participation p join cycles c on c.id = p.cycle_id where c.name = ${DEMO_VOTING_CYCLE}`)).toBe(3);

    const [cycle] = (await t.http().get('/api/cycles')).body.cycles.filter((c: { name: string }) => c.name === DEMO_VOTING_CYCLE) as { id: string }[];
    // a demo voter sees their ballot (the seed used the app's secret); the demo resident can vote today
    const amira = await signIn(t.app, 'amira.khan@demo.test', PASSWORD);
    const hers = await t.http().get(`/api/cycles/${cycle?.id ?? ''}/ballot`).set({ authorization: `Bearer ${amira.accessToken}` });
    expect(hers.body.current?.channel).toBe('online');
    const rosa = await signIn(t.app, 'resident@demo.test', PASSWORD);
    const ballot = await t.http().get(`/api/cycles/${cycle?.id ?? ''}/ballot`).set({ authorization: `Bearer ${rosa.accessToken}` });
    expect(ballot.body).toMatchObject({ open: true, current: null, eligibility: { eligible: true } });
    const pot = ballot.body.pots[0] as { potId: string; projects: { id: string }[] };
    const cast = await t.http()
      .put(`/api/cycles/${cycle?.id ?? ''}/ballot`)
      .set({ authorization: `Bearer ${rosa.accessToken}` })
      .send({ selections: [{ potId: pot.potId, projects: [pot.projects[0]?.id] }] });
    expect(cast.status).toBe(200);
  });
});
