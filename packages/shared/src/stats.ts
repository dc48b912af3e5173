import { z } from 'zod';
import { CycleId, IsoDate, Money, PotId } from './cycles';
import { AgeBand, WardId } from './wards';

/**
 * The councillor view: `GET /cycles/:id/stats` (councillors: their wards; admins: every ward)
 * and `GET /cycles/:id/stats.csv?ward=` (the same figures as a CSV download).
 *
 * Small-number suppression: any count of people from 1 to SUPPRESSION_THRESHOLD − 1 in a
 * breakdown is sent as `null` ("fewer than 10"), so nobody can be singled out. When a breakdown
 * would then have exactly one suppressed cell beside a published total, the next smallest cell is
 * suppressed too, so the hidden one cannot be worked out by subtraction.
 */
export const SUPPRESSION_THRESHOLD = 10;

/** A count of people, or null when it is below the suppression threshold. */
export const SuppressedCount = z.number().int().nonnegative().nullable();
export type SuppressedCount = z.infer<typeof SuppressedCount>;

export const AgeBandStats = z.object({
  band: z.union([AgeBand, z.literal('not-given')]),
  label: z.string(),
  ballots: SuppressedCount,
  /** The ward's population in this band, when the council has entered it. */
  population: z.number().int().nonnegative().nullable(),
  /** ballots ÷ population (0–1); null when either is unknown or suppressed. */
  turnout: z.number().nonnegative().nullable(),
});
export type AgeBandStats = z.infer<typeof AgeBandStats>;

export const WardStats = z.object({
  wardId: WardId,
  name: z.string(),
  code: z.string(),
  population: z.number().int().nonnegative(),
  potId: PotId.nullable(),
  /** Residents of the ward who voted in this cycle (online or paper). */
  ballots: SuppressedCount,
  /** ballots ÷ population (0–1); null when suppressed or the population is 0. */
  turnout: z.number().nonnegative().nullable(),
  byChannel: z.object({ online: SuppressedCount, paper: SuppressedCount }),
  /** Ballots by the day they were first cast (UTC calendar days of the voting phase). */
  byDay: z.array(z.object({ date: IsoDate, ballots: SuppressedCount })),
  byAgeBand: z.array(AgeBandStats),
  /** Proposals for the ward's pot by where they ended up (not about people: never suppressed). */
  proposals: z.object({
    total: z.number().int().nonnegative(),
    byStatus: z.record(z.string(), z.number().int().nonnegative()),
  }),
  /** The ward pot's result once counted; null before the tally. */
  results: z
    .object({
      status: z.enum(['tallied', 'published']),
      budget: Money,
      spent: Money,
      funded: z.array(z.object({ id: z.string(), title: z.string(), cost: Money, votes: z.number().int().nonnegative() })),
    })
    .nullable(),
});
export type WardStats = z.infer<typeof WardStats>;

export const CycleStats = z.object({
  cycleId: CycleId,
  cycleName: z.string(),
  generatedAt: z.string(),
  suppressionThreshold: z.number().int(),
  wards: z.array(WardStats),
});
export type CycleStats = z.infer<typeof CycleStats>;

export const StatsCsvQuery = z.strictObject({ ward: WardId.optional() });
export type StatsCsvQuery = z.infer<typeof StatsCsvQuery>;
