import { z } from 'zod';
import { BallotProject, BallotSettings, CycleId, EligibilitySettings, IsoDate, Money, Phase, PotId } from './cycles';
import { WardId } from './wards';

/** A project on the ballot is a proposal id (a string on the wire). */
const ProjectRef = z.string().uuid('Use the id of a project on the ballot');

/** Approval and knapsack ballots: the chosen projects of one pot. */
export const ProjectsSelection = z.strictObject({
  potId: PotId,
  projects: z.array(ProjectRef).max(500),
});
/** Cumulative ballots: points per project id. */
export const PointsSelection = z.strictObject({
  potId: PotId,
  points: z.record(ProjectRef, z.number().int('Points are whole numbers').min(1, 'Give at least one point or leave the project out').max(1000)),
});
/** Ranked ballots: project ids, most preferred first. */
export const RankingSelection = z.strictObject({
  potId: PotId,
  ranking: z.array(ProjectRef).max(100),
});

/** What a voter chose in one pot; the shape must match the cycle's ballot kind. */
export const PotSelection = z.union([ProjectsSelection, PointsSelection, RankingSelection]);
export type PotSelection = z.infer<typeof PotSelection>;

/** PUT /cycles/:id/ballot and the selections of a paper ballot. One entry per pot voted in. */
export const BallotInput = z.strictObject({
  selections: z.array(PotSelection).min(1, 'Choose in at least one pot').max(10),
});
export type BallotInput = z.infer<typeof BallotInput>;

/** Optional header: a retry with the same key and body gets the first answer back. */
export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'Use 1–128 letters, digits, dots, dashes, underscores or colons')
    .optional(),
});

/** Receipt codes look like `K7QM-3XPA-9D2F` (Crockford base32, no I, L, O, U). */
export const ReceiptCode = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, 'Not a receipt code');

/** The answer to a cast: keep the receipt to check later that the ballot was counted. */
export const CastBallotResponse = z.object({
  receipt: ReceiptCode,
  castAt: z.string(),
  selections: z.array(PotSelection),
  /** SHA-256 (hex) of the canonical JSON of the selections, as shown on the receipts board. */
  contentHash: z.string(),
});
export type CastBallotResponse = z.infer<typeof CastBallotResponse>;

export const BallotPot = z.object({
  potId: PotId,
  wardId: WardId.nullable(),
  name: z.string(),
  budget: Money,
  projects: z.array(BallotProject),
});
export type BallotPot = z.infer<typeof BallotPot>;

/** GET /cycles/:id/ballot: everything the voter needs to fill in (and see) their ballot. */
export const MyBallot = z.object({
  cycleId: CycleId,
  phase: Phase,
  /** True while the cycle is in voting and inside its scheduled window. */
  open: z.boolean(),
  /** The scheduled voting window (dates inclusive, UTC), when scheduled. */
  window: z.object({ start: IsoDate, end: IsoDate }).nullable(),
  settings: BallotSettings,
  eligibility: z.object({
    rules: EligibilitySettings,
    eligible: z.boolean(),
    /** Plain-language reasons the voter cannot vote (empty when eligible). */
    reasons: z.array(z.string()),
  }),
  /** The pots this voter may vote in, with their ballot projects at the staff cost. */
  pots: z.array(BallotPot),
  /** My current ballot, if I have voted (online or on paper). */
  current: z
    .object({
      channel: z.enum(['online', 'paper']),
      receipt: ReceiptCode,
      castAt: z.string(),
      selections: z.array(PotSelection),
      contentHash: z.string(),
    })
    .nullable(),
});
export type MyBallot = z.infer<typeof MyBallot>;

export const PaperBallotInput = z.strictObject({
  userId: z.string().uuid(),
  selections: BallotInput.shape.selections,
});
export type PaperBallotInput = z.infer<typeof PaperBallotInput>;

/** Never names the resident: the staff member typed the ballot and knows whose it is. */
export const PaperBallotResponse = z.object({
  channel: z.literal('paper'),
  receipt: ReceiptCode,
  castAt: z.string(),
  contentHash: z.string(),
});
export type PaperBallotResponse = z.infer<typeof PaperBallotResponse>;

export const VoterSearchQuery = z.strictObject({
  q: z.string().trim().min(2, 'Type at least two characters').max(254),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type VoterSearchQuery = z.infer<typeof VoterSearchQuery>;

/** A resident as staff see them at the paper-ballot desk: whether they voted, never what. */
export const VoterSummary = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  email: z.string(),
  homeWardId: WardId.nullable(),
  verifiedWardId: WardId.nullable(),
  birthYear: z.number().int().nullable(),
  voted: z.boolean(),
  channel: z.enum(['online', 'paper']).nullable(),
});
export type VoterSummary = z.infer<typeof VoterSummary>;

export const VoterList = z.object({ voters: z.array(VoterSummary) });
export type VoterList = z.infer<typeof VoterList>;

export const WardVerificationInput = z.strictObject({ wardId: WardId });
export type WardVerificationInput = z.infer<typeof WardVerificationInput>;

export const WardVerification = z.object({
  userId: z.string().uuid(),
  wardId: WardId,
  verifiedAt: z.string(),
});
export type WardVerification = z.infer<typeof WardVerification>;

export const ReceiptEntry = z.object({ receipt: ReceiptCode, contentHash: z.string() });
export type ReceiptEntry = z.infer<typeof ReceiptEntry>;

export const ReceiptsQuery = z.strictObject({
  after: ReceiptCode.optional().describe('Continue after this receipt (the board is sorted by receipt)'),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});
export type ReceiptsQuery = z.infer<typeof ReceiptsQuery>;

export const ReceiptsBoard = z.object({
  cycleId: CycleId,
  total: z.number().int().nonnegative(),
  receipts: z.array(ReceiptEntry),
  /** Pass as `after` for the next page; null on the last page. */
  next: ReceiptCode.nullable(),
});
export type ReceiptsBoard = z.infer<typeof ReceiptsBoard>;

export const ReceiptParams = z.strictObject({ id: CycleId, code: ReceiptCode });
export type ReceiptParams = z.infer<typeof ReceiptParams>;

export const ReceiptCheck = z.object({ receipt: ReceiptCode, counted: z.literal(true), contentHash: z.string() });
export type ReceiptCheck = z.infer<typeof ReceiptCheck>;
