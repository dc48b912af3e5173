/**
 * Reads for the councillor view. Only `participation` (who voted, when, on which channel, as which
 * ward), the voters' birth year (and, for old rows without a stored ward, their ward), proposals and stored results are read: never `ballots`, so nothing
 * here can tie a resident to what they chose. People are only ever returned as counts.
 */
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { councillorWards, cycleTallies, participation, pots, potResults, proposals, users, wards, wardVerifications } from '../../db/schema';

export interface WardInCycle {
  wardId: string;
  name: string;
  code: string;
  population: number;
  populationByAge: Partial<Record<string, number>> | null;
  potId: string;
}

/** The wards with a pot in the cycle, by name; only the ones `councillorId` holds when given. */
export function listWardsInCycle(db: Db, cycleId: string, councillorId: string | null): Promise<WardInCycle[]> {
  const base = db
    .select({
      wardId: wards.id,
      name: wards.name,
      code: wards.code,
      population: wards.population,
      populationByAge: wards.populationByAge,
      potId: pots.id,
    })
    .from(pots)
    .innerJoin(wards, eq(wards.id, pots.wardId));
  const inCycle = and(eq(pots.cycleId, cycleId), isNotNull(pots.wardId));
  if (councillorId === null) return base.where(inCycle).orderBy(asc(wards.name), asc(wards.id));
  return base
    .innerJoin(councillorWards, and(eq(councillorWards.wardId, wards.id), eq(councillorWards.userId, councillorId)))
    .where(inCycle)
    .orderBy(asc(wards.name), asc(wards.id));
}

export async function isCouncillorOf(db: Db, userId: string, wardId: string): Promise<boolean> {
  const [row] = await db
    .select({ wardId: councillorWards.wardId })
    .from(councillorWards)
    .where(and(eq(councillorWards.userId, userId), eq(councillorWards.wardId, wardId)));
  return row !== undefined;
}

export interface ParticipationCell {
  wardId: string;
  channel: 'online' | 'paper';
  /** UTC calendar day of the first cast, YYYY-MM-DD. */
  day: string;
  birthYear: number | null;
  ballots: number;
}

/**
 * Voters of the cycle counted by ward, channel, day of first cast and birth year. A voter counts in
 * the ward they voted as, stored on their participation row at cast time (`participation.ward_id`),
 * so moving home afterwards does not move their count. Only rows from before that column existed and
 * that migration 0007 could not backfill have none: for them the ward is read now, as eligibility
 * decides it (ballot-rules.ts): the staff-verified ward when the cycle requires verification, else the
 * verified ward if there is one, else the home ward.
 */
export function countParticipation(db: Db, cycleId: string, verifiedOnly: boolean, wardIds: string[]): Promise<ParticipationCell[]> {
  if (wardIds.length === 0) return Promise.resolve([]);
  const ward = verifiedOnly
    ? sql<string>`coalesce(${participation.wardId}, ${wardVerifications.wardId})`
    : sql<string>`coalesce(${participation.wardId}, ${wardVerifications.wardId}, ${users.homeWardId})`;
  const day = sql<string>`to_char(${participation.firstCastAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  return db
    .select({ wardId: ward, channel: participation.channel, day, birthYear: users.birthYear, ballots: count() })
    .from(participation)
    .innerJoin(users, eq(users.id, participation.userId))
    .leftJoin(wardVerifications, eq(wardVerifications.userId, participation.userId))
    .where(and(eq(participation.cycleId, cycleId), inArray(ward, wardIds)))
    .groupBy(ward, participation.channel, day, users.birthYear);
}

export function countProposalsByPotAndStatus(db: Db, cycleId: string) {
  return db
    .select({ potId: proposals.potId, status: proposals.status, proposals: count() })
    .from(proposals)
    .where(eq(proposals.cycleId, cycleId))
    .groupBy(proposals.potId, proposals.status);
}

/** The stored count of each pot of the cycle, with whether it is published. */
export function listPotResults(db: Db, cycleId: string) {
  return db
    .select({
      potId: potResults.potId,
      budget: potResults.budget,
      spent: potResults.spent,
      funded: potResults.funded,
      projects: potResults.projects,
      publishedAt: cycleTallies.publishedAt,
    })
    .from(potResults)
    .innerJoin(cycleTallies, eq(cycleTallies.cycleId, potResults.cycleId))
    .where(eq(potResults.cycleId, cycleId));
}
