import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { count, signIn, useTestApp } from '../../test/helpers';
import { seedDemo } from './demo';
import { DEMO_RESULTS_CYCLE } from './demo-results';

const t = useTestApp();
const PASSWORD = 'demo-password-for-tests';

describe('demo published cycle', () => {
  it('seeds a counted, published cycle in delivery whose ward figures are big enough to show, once', async () => {
    const ballotSecret = t.app.config.ballotSecret ?? '';
    await seedDemo(t.db, PASSWORD, { ballotSecret });
    await seedDemo(t.db, PASSWORD, { ballotSecret });
    expect(await count(t.db, sql`cycles where name = ${DEMO_RESULTS_CYCLE} and phase = 'implementation'`)).toBe(1);

    const list = (await t.http().get('/api/cycles')).body.cycles as { id: string; name: string }[];
    const cycleId = list.find((cycle) => cycle.name === DEMO_RESULTS_CYCLE)?.id ?? '';
    const results = await t.http().get(`/api/cycles/${cycleId}/results`);
    expect(results.status).toBe(200);
    expect(results.body.status).toBe('published');
    expect(results.body.pots).toHaveLength(5);
    type Pot = { rule: string; ruleKey: string; funded: string[]; ballots: number; spent: number; budget: number; projects: { cost: number; funded: boolean }[] };
    for (const pot of results.body.pots as Pot[]) {
      expect(pot.rule).toBe('equal-shares-add1-greedy');
      expect(pot.ruleKey).toBe('mes_cost_sat_add1_greedy');
      expect(pot.funded.length).toBeGreaterThan(0);
      expect(pot.ballots).toBeGreaterThanOrEqual(40);
      expect(pot.spent).toBeLessThanOrEqual(pot.budget);
      // The greedy fill leaves no project unfunded that still fits in what is left of the pot.
      for (const project of pot.projects.filter((p) => !p.funded)) expect(project.cost).toBeGreaterThan(pot.budget - pot.spent);
    }

    // Delivery is under way on funded projects, and every funded project is listed.
    const delivery = await t.http().get(`/api/cycles/${cycleId}/implementation`);
    expect(delivery.status).toBe(200);
    const projects = delivery.body.projects as { progress: number; milestonesTotal: number }[];
    expect(projects.length).toBe((results.body.pots as { funded: string[] }[]).reduce((sum, pot) => sum + pot.funded.length, 0));
    expect(projects.some((project) => project.progress > 0 && project.milestonesTotal > 0)).toBe(true);

    // The demo councillor's ward has enough voters for unsuppressed figures.
    const councillor = await signIn(t.app, 'councillor@demo.test', PASSWORD);
    const stats = await t.http().get(`/api/cycles/${cycleId}/stats`).set({ authorization: `Bearer ${councillor.accessToken}` });
    expect(stats.status).toBe(200);
    expect(stats.body.wards).toHaveLength(1);
    expect(stats.body.wards[0].ballots).toBeGreaterThanOrEqual(50);
    expect(stats.body.wards[0].byChannel.online).toBeGreaterThanOrEqual(10);
    expect(stats.body.wards[0].byAgeBand.some((band: { population: number | null }) => band.population !== null)).toBe(true);

    // The open data of every pot recounts to the published result (see results tests); here: it is served.
    const exported = await t.http().get(`/api/cycles/${cycleId}/export.pb?pot=${results.body.pots[0].potId}`);
    expect(exported.status).toBe(200);
    expect(exported.text).toMatch(/^META/);
  });
});
