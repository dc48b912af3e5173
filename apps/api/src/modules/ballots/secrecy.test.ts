import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers';
import { setPhase } from '../cycles/cycles.repository';
import { arrangeVoter, arrangeVotingCycle, type Voter } from './test-fixtures';

const t = useTestApp();

interface Cast {
  voter: Voter;
  receipt: string;
  contentHash: string;
  selections: string;
}

/** Every GET route the app registers, from its OpenAPI document, with path parameters filled in. */
async function getRoutes(): Promise<string[]> {
  const paths = (await t.http().get('/api/docs/json')).body.paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths)
    .filter(([, methods]) => 'get' in methods)
    .map(([path]) => path);
}

describe('ballot secrecy', () => {
  it('no GET response, for staff, councillors or admins, names a voter next to their ballot', async () => {
    const cycle = await arrangeVotingCycle(t.db);
    const staff = await arrangeVoter(t, { wardId: cycle.wardA, roles: ['staff', 'resident'] });
    const councillor = await arrangeVoter(t, { wardId: cycle.wardA, roles: ['councillor'], councillorWardIds: [cycle.wardA] });
    const admin = await arrangeVoter(t, { wardId: cycle.wardB, roles: ['admin'] });
    const casts: Cast[] = [];
    for (const [index, wardId] of [cycle.wardA, cycle.wardB, cycle.wardA].entries()) {
      const voter = await arrangeVoter(t, { wardId });
      const selections = [{ potId: wardId === cycle.wardA ? cycle.potA : cycle.potB, projects: [wardId === cycle.wardA ? cycle.a[index] : cycle.b[0]] }];
      const response = await t.http().put(`/api/cycles/${cycle.id}/ballot`).set(voter.auth).send({ selections });
      expect(response.status).toBe(200);
      casts.push({ voter, receipt: response.body.receipt as string, contentHash: response.body.contentHash as string, selections: JSON.stringify(response.body.selections) });
    }
    const paperVoter = await arrangeVoter(t, { wardId: cycle.wardB });
    const paper = await t.http().post(`/api/cycles/${cycle.id}/paper-ballots`).set(staff.auth).send({ userId: paperVoter.id, selections: [{ potId: cycle.potB, projects: [cycle.b[1]] }] });
    expect(paper.status).toBe(201);
    casts.push({ voter: paperVoter, receipt: paper.body.receipt as string, contentHash: paper.body.contentHash as string, selections: JSON.stringify([{ potId: cycle.potB, projects: [cycle.b[1]] }]) });
    // staff, councillor and admin vote too, so their own GET ballot is in the walk
    for (const person of [staff, councillor]) {
      expect((await t.http().put(`/api/cycles/${cycle.id}/ballot`).set(person.auth).send({ selections: [{ potId: cycle.cityPot, projects: [cycle.city[1]] }] })).status).toBe(200);
    }

    const routes = await getRoutes();
    expect(routes).toEqual(expect.arrayContaining(['/api/cycles/{id}/ballot', '/api/cycles/{id}/voters', '/api/cycles/{id}/receipts', '/api/audit']));
    const fill = (path: string, cast: Cast): string =>
      path
        .replace('/api/users/{id}', `/api/users/${cast.voter.id}`)
        .replace('/api/proposals/{id}', `/api/proposals/${cycle.a[0] ?? ''}`)
        .replace('/api/wards/{id}', `/api/wards/${cycle.wardA}`)
        .replace('{code}', cast.receipt)
        .replace(/\{[^}]+\}/g, cycle.id);
    const queries: Record<string, Record<string, string>> = {
      '/api/cycles/{id}/voters': { q: 'example.test' },
      '/api/users': { q: 'example.test' },
      '/api/cycles/{id}/export.pb': { pot: cycle.potA },
      '/api/cycles/{id}/results.csv': { pot: cycle.potA },
      '/api/cycles/{id}/stats.csv': { ward: cycle.wardA },
    };

    let calls = 0;
    for (const phase of ['voting', 'counting', 'results'] as const) {
      if (phase === 'results') {
        // Counted and published through the API, so results, open data and ward figures hold real data.
        expect((await t.http().post(`/api/cycles/${cycle.id}/tally`).set(admin.auth)).status).toBe(200);
        expect((await t.http().post(`/api/cycles/${cycle.id}/publish`).set(admin.auth)).status).toBe(200);
      } else {
        await setPhase(t.db, cycle.id, phase);
      }
      for (const caller of [staff, councillor, admin]) {
        for (const path of routes) {
          if (path.startsWith('/api/docs')) continue;
          // routes naming a user or a receipt are called once per voter, the others once
          for (const cast of /\/users\/\{id\}|\{code\}/.test(path) ? casts : casts.slice(0, 1)) {
            const response = await t.http().get(fill(path, cast)).query(queries[path] ?? {}).set(caller.auth);
            calls += 1;
            const text = response.text;
            for (const other of casts) {
              const namesVoter = text.includes(other.voter.id) || text.includes(other.voter.email);
              const showsBallot = text.includes(other.receipt) || text.includes(other.contentHash) || text.includes(other.selections);
              if (namesVoter && showsBallot) throw new Error(`GET ${path} (${phase}) links a voter to their ballot: ${text.slice(0, 300)}`);
            }
          }
        }
      }
    }
    // the walk really reached data: the voter search names voters, the board shows receipts
    const desk = await t.http().get(`/api/cycles/${cycle.id}/voters`).query({ q: 'example.test' }).set(staff.auth);
    expect(JSON.stringify(desk.body)).toContain(casts[0]?.voter.email ?? 'missing');
    const board = await t.http().get(`/api/cycles/${cycle.id}/receipts`);
    expect(JSON.stringify(board.body)).toContain(casts[0]?.receipt ?? 'missing');
    // ... and the published open data holds the ward pot's ballots, with nothing that names a voter
    const exported = await t.http().get(`/api/cycles/${cycle.id}/export.pb`).query({ pot: cycle.potA });
    expect(exported.status).toBe(200);
    expect(exported.text).toContain(cycle.a[0] ?? 'missing');
    for (const cast of casts) {
      for (const secret of [cast.voter.id, cast.voter.email, cast.receipt, cast.contentHash]) expect(exported.text).not.toContain(secret);
    }
    expect(calls).toBeGreaterThan(100);
  }, 120_000);
});
