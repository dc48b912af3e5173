/**
 * Arranging a stored count for a cycle without the tally module: one `cycle_tallies` row and one
 * `pot_results` row per listed pot, published or not. Test-only: nothing imports it at run time.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ProjectOutcome } from '@allot/shared';
import type { Db } from '../../db/client';
import { cycleTallies, potResults } from '../../db/schema';

export interface ArrangedProject {
  id: string;
  title?: string;
  cost: number;
  votes?: number;
  funded: boolean;
}

export interface ArrangedPotResult {
  potId: string;
  budget: number;
  projects: ArrangedProject[];
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Stores a count of the cycle (funded in the order listed) and publishes it when asked. */
export async function arrangeResult(db: Db, cycleId: string, pots: ArrangedPotResult[], options: { published: boolean }): Promise<void> {
  await db.insert(cycleTallies).values({ cycleId, resultHash: hash(`${cycleId}:${JSON.stringify(pots)}`) });
  for (const pot of pots) {
    const outcomes: ProjectOutcome[] = pot.projects.map((project) => ({
      id: project.id,
      title: project.title ?? `Project ${project.cost}`,
      category: 'parks-and-green-spaces',
      cost: project.cost,
      funded: project.funded,
      decision: project.funded ? 'funded' : 'skipped',
      votes: project.votes ?? 0,
      score: null,
      shareOfPot: project.cost / pot.budget,
      reason: project.funded ? 'Funded: it fitted the money left' : 'Skipped: it did not fit the money left',
      contribution: null,
    }));
    const funded = pot.projects.filter((project) => project.funded);
    await db.insert(potResults).values({
      potId: pot.potId,
      cycleId,
      rule: 'greedy',
      ruleKey: 'greedy_cost_sat',
      tieBreak: ['lowerCost', 'id'],
      ballotKind: 'approval',
      budget: pot.budget,
      spent: funded.reduce((sum, project) => sum + project.cost, 0),
      ballotCount: 0,
      ballotsHash: hash(pot.potId),
      funded: funded.map((project) => project.id),
      projects: outcomes,
      explanation: [],
      engineExplanation: {},
    });
  }
  if (options.published) await db.update(cycleTallies).set({ publishedAt: new Date() }).where(eq(cycleTallies.cycleId, cycleId));
}
