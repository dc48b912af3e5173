import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  PROPOSAL_STATUSES,
  SUPPRESSION_THRESHOLD,
  type AgeBand,
  type AgeBandStats,
  type CycleStats,
  type WardStats,
} from '@allot/shared';
import type { Db } from '../../db/client';
import { ForbiddenError, NotFoundError } from '../../errors';
import type { Principal } from '../../types';
import { findCycleById, type CycleRow } from '../cycles/cycles.repository';
import { isAdmin } from '../cycles/viewer';
import { findWardById } from '../wards/wards.repository';
import { ageBandOf, ageReferenceYear } from './age-bands';
import * as repo from './stats.repository';
import { rate, suppressBreakdown, suppressCount } from './suppression';

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const BANDS: (AgeBand | 'not-given')[] = [...AGE_BANDS, 'not-given'];

/** The cycle for the councillor view: drafts have no figures, so they are 404 for everyone. */
async function statsCycle(db: Db, cycleId: string): Promise<CycleRow> {
  const cycle = await findCycleById(db, cycleId);
  if (cycle === undefined || cycle.phase === 'draft') throw new NotFoundError('No cycle with this id');
  return cycle;
}

/**
 * The days the by-day breakdown lists: every UTC day of the scheduled voting window up to today,
 * plus any other day someone first voted on (none when the window was kept; listed if not).
 */
function daysToList(cycle: CycleRow, today: string, daysWithData: Iterable<string>): string[] {
  const days = new Set(daysWithData);
  const range = cycle.schedule.voting;
  if (range !== undefined) {
    const last = range.end < today ? range.end : today;
    for (let time = Date.parse(`${range.start}T00:00:00Z`); isoDay(new Date(time)) <= last; time += DAY_MS) days.add(isoDay(new Date(time)));
  }
  return [...days].sort();
}

interface Tally {
  total: number;
  channel: { online: number; paper: number };
  day: Map<string, number>;
  band: Map<AgeBand | 'not-given', number>;
}

function emptyTally(): Tally {
  return { total: 0, channel: { online: 0, paper: 0 }, day: new Map(), band: new Map() };
}

function wardStats(
  ward: repo.WardInCycle,
  tally: Tally,
  days: string[],
  proposalCounts: Map<string, number>,
  result: Awaited<ReturnType<typeof repo.listPotResults>>[number] | undefined,
): WardStats {
  const ballots = suppressCount(tally.total);
  const totalPublished = ballots !== null;
  const [online = null, paper = null] = suppressBreakdown([tally.channel.online, tally.channel.paper], totalPublished);
  const byDay = suppressBreakdown(
    days.map((day) => tally.day.get(day) ?? 0),
    totalPublished,
  ).map((count, index) => ({ date: days[index] ?? '', ballots: count }));
  const byBand = suppressBreakdown(
    BANDS.map((band) => tally.band.get(band) ?? 0),
    totalPublished,
  );
  const byAgeBand: AgeBandStats[] = BANDS.map((band, index) => {
    const population = band === 'not-given' ? null : (ward.populationByAge?.[band] ?? null);
    const count = byBand[index] ?? null;
    return {
      band,
      label: band === 'not-given' ? 'Age not given' : AGE_BAND_LABELS[band],
      ballots: count,
      population,
      turnout: rate(count, population),
    };
  });
  const byStatus: Record<string, number> = {};
  for (const status of PROPOSAL_STATUSES) byStatus[status] = proposalCounts.get(status) ?? 0;
  const outcomes = new Map((result?.projects ?? []).map((project) => [project.id, project]));
  return {
    wardId: ward.wardId,
    name: ward.name,
    code: ward.code,
    population: ward.population,
    potId: ward.potId,
    ballots,
    turnout: rate(ballots, ward.population),
    byChannel: { online, paper },
    byDay,
    byAgeBand,
    proposals: { total: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus },
    results:
      result === undefined
        ? null
        : {
            status: result.publishedAt === null ? 'tallied' : 'published',
            budget: result.budget,
            spent: result.spent,
            funded: result.funded.map((id) => {
              const outcome = outcomes.get(id);
              return { id, title: outcome?.title ?? '', cost: outcome?.cost ?? 0, votes: outcome?.votes ?? 0 };
            }),
          },
  };
}

/**
 * Turnout, participation and results per ward for a councillor (the wards they hold) or an admin
 * (every ward of the cycle). `onlyWardId` narrows to one ward (the CSV download of one ward).
 */
export async function cycleStats(db: Db, viewer: Principal, cycleId: string, onlyWardId?: string, now = new Date()): Promise<CycleStats> {
  const cycle = await statsCycle(db, cycleId);
  if (onlyWardId !== undefined) {
    if ((await findWardById(db, onlyWardId)) === undefined) throw new NotFoundError('No ward with this id');
    if (!isAdmin(viewer) && !(await repo.isCouncillorOf(db, viewer.userId, onlyWardId))) {
      throw new ForbiddenError('You can only see the figures of the wards you represent');
    }
  }
  const held = await repo.listWardsInCycle(db, cycleId, isAdmin(viewer) ? null : viewer.userId);
  const inScope = onlyWardId === undefined ? held : held.filter((ward) => ward.wardId === onlyWardId);
  if (onlyWardId !== undefined && inScope.length === 0) throw new NotFoundError('This ward is not part of this cycle');

  const today = isoDay(now);
  const year = ageReferenceYear(cycle, today);
  const [cells, proposalRows, results] = await Promise.all([
    repo.countParticipation(
      db,
      cycleId,
      cycle.eligibility.wardEstablishment === 'verified',
      inScope.map((ward) => ward.wardId),
    ),
    repo.countProposalsByPotAndStatus(db, cycleId),
    repo.listPotResults(db, cycleId),
  ]);

  const tallies = new Map<string, Tally>();
  for (const cell of cells) {
    const tally = tallies.get(cell.wardId) ?? emptyTally();
    tallies.set(cell.wardId, tally);
    tally.total += cell.ballots;
    tally.channel[cell.channel] += cell.ballots;
    tally.day.set(cell.day, (tally.day.get(cell.day) ?? 0) + cell.ballots);
    const band = ageBandOf(cell.birthYear, year);
    tally.band.set(band, (tally.band.get(band) ?? 0) + cell.ballots);
  }
  const proposalsByPot = new Map<string, Map<string, number>>();
  for (const row of proposalRows) {
    const byStatus = proposalsByPot.get(row.potId) ?? new Map<string, number>();
    proposalsByPot.set(row.potId, byStatus);
    byStatus.set(row.status, row.proposals);
  }

  return {
    cycleId,
    cycleName: cycle.name,
    generatedAt: now.toISOString(),
    suppressionThreshold: SUPPRESSION_THRESHOLD,
    wards: inScope.map((ward) => {
      const tally = tallies.get(ward.wardId) ?? emptyTally();
      return wardStats(
        ward,
        tally,
        daysToList(cycle, today, tally.day.keys()),
        proposalsByPot.get(ward.potId) ?? new Map(),
        results.find((result) => result.potId === ward.potId),
      );
    }),
  };
}
