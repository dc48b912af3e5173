import { z } from 'zod';
import { CycleId, PositiveMoney, PotId } from './cycles';
import { WardId } from './wards';

export const PROPOSAL_CATEGORIES = [
  'parks-and-green-spaces',
  'streets-and-transport',
  'play-and-youth',
  'community-spaces',
  'arts-and-culture',
  'health-and-wellbeing',
  'environment-and-climate',
  'safety-and-lighting',
  'learning-and-skills',
  'other',
] as const;
export const ProposalCategory = z.enum(PROPOSAL_CATEGORIES);
export type ProposalCategory = z.infer<typeof ProposalCategory>;

/** Plain-language labels for the categories (for forms and filters). */
export const PROPOSAL_CATEGORY_LABELS: Record<ProposalCategory, string> = {
  'parks-and-green-spaces': 'Parks and green spaces',
  'streets-and-transport': 'Streets and transport',
  'play-and-youth': 'Play and young people',
  'community-spaces': 'Community spaces',
  'arts-and-culture': 'Arts and culture',
  'health-and-wellbeing': 'Health and wellbeing',
  'environment-and-climate': 'Environment and climate',
  'safety-and-lighting': 'Safety and lighting',
  'learning-and-skills': 'Learning and skills',
  other: 'Something else',
};

export const PROPOSAL_STATUSES = [
  'submitted',
  'shortlisted',
  'not_shortlisted',
  'feasible',
  'feasible_with_changes',
  'not_feasible',
  'withdrawn',
  'merged',
] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** Plain-language names of the statuses, for residents. */
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  submitted: 'Submitted',
  shortlisted: 'Shortlisted',
  not_shortlisted: 'Not shortlisted',
  feasible: 'Feasible',
  feasible_with_changes: 'Feasible with changes',
  not_feasible: 'Not feasible',
  withdrawn: 'Withdrawn',
  merged: 'Merged into another proposal',
};

export const ProposalId = z.string().uuid();

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 10_000;

export const ProposalLocation = z.strictObject({
  description: z.string().trim().max(500).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});
export type ProposalLocation = z.infer<typeof ProposalLocation>;

export const CommunityContribution = z.strictObject({
  volunteerHours: z.number().int().min(0).max(1_000_000).optional(),
  inKindGoods: z.string().trim().max(1000).optional().describe('Goods or services offered, in words'),
  matchFunding: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('Whole currency units'),
});
export type CommunityContribution = z.infer<typeof CommunityContribution>;

const title = z.string().trim().min(3, 'Use at least 3 characters').max(TITLE_MAX, `Use at most ${TITLE_MAX} characters`);
/** Markdown, stored exactly as given; clients must render it inert (no raw HTML). */
const description = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(DESCRIPTION_MAX, `Use at most ${DESCRIPTION_MAX.toLocaleString('en-GB')} characters`);

export const ProposalCreate = z.strictObject({
  title,
  description,
  potId: PotId.describe('A ward pot or the city-wide pot of this cycle'),
  category: ProposalCategory,
  estimatedCost: PositiveMoney.describe('Whole currency units, at most the pot budget'),
  location: ProposalLocation.nullable().optional(),
  contribution: CommunityContribution.nullable().optional(),
});
export type ProposalCreate = z.infer<typeof ProposalCreate>;

/** Authors revise until feasibility starts; the pot can only change while proposals are open. */
export const ProposalUpdate = ProposalCreate.partial();
export type ProposalUpdate = z.infer<typeof ProposalUpdate>;

export const ProposalAuthor = z.object({ id: z.string().uuid(), displayName: z.string() });
export type ProposalAuthor = z.infer<typeof ProposalAuthor>;

export const FeasibilityVerdict = z.enum(['feasible', 'feasible_with_changes', 'not_feasible']);
export type FeasibilityVerdict = z.infer<typeof FeasibilityVerdict>;

export const CostItem = z.strictObject({ item: z.string().trim().min(1).max(200), amount: PositiveMoney });
export type CostItem = z.infer<typeof CostItem>;

/** The public part of a feasibility review (never the internal notes). */
export const PublicFeasibility = z.object({
  verdict: FeasibilityVerdict,
  costEstimate: PositiveMoney,
  breakdown: z.array(CostItem),
  publicExplanation: z.string().nullable(),
  reviewedAt: z.string(),
});
export type PublicFeasibility = z.infer<typeof PublicFeasibility>;

export const Proposal = z.object({
  id: ProposalId,
  cycleId: CycleId,
  potId: PotId,
  wardId: WardId.nullable().describe('The ward of the pot; null for city-wide'),
  title: z.string(),
  description: z.string().describe('Markdown as the author wrote it; render inert'),
  category: ProposalCategory,
  estimatedCost: PositiveMoney,
  location: ProposalLocation.nullable(),
  contribution: CommunityContribution.nullable(),
  status: ProposalStatus,
  mergedIntoId: ProposalId.nullable(),
  authors: z.array(ProposalAuthor),
  supportCount: z.number().int().nonnegative(),
  commentCount: z.number().int().nonnegative(),
  /** True when the signed-in caller supports this proposal (false when signed out). */
  supportedByMe: z.boolean(),
  /** True when the signed-in caller is one of the authors. */
  isAuthor: z.boolean(),
  feasibility: PublicFeasibility.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Proposal = z.infer<typeof Proposal>;

export const ProposalListQuery = z.strictObject({
  wardId: WardId.optional(),
  potId: PotId.optional(),
  category: ProposalCategory.optional(),
  status: ProposalStatus.optional().describe('Default: every status except withdrawn'),
  q: z.string().trim().max(200).optional().describe('Words in the title or description'),
  sort: z.enum(['newest', 'supports', 'title']).default('newest'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ProposalListQuery = z.infer<typeof ProposalListQuery>;

export const ProposalList = z.object({
  proposals: z.array(Proposal),
  total: z.number().int().nonnegative(),
});
export type ProposalList = z.infer<typeof ProposalList>;

export const ProposalIdParams = z.strictObject({ id: ProposalId });
export type ProposalIdParams = z.infer<typeof ProposalIdParams>;
