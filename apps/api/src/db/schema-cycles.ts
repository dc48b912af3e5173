/**
 * PB cycles, pots, deliberation rounds, proposals, supports, comments, feasibility reviews and
 * notifications. Money is whole currency units in bigint columns (read as JS numbers: amounts
 * stay far below 2^53). Re-exported from ./schema.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type {
  BallotSettings,
  CommunityContribution,
  CostItem,
  EligibilitySettings,
  ProposalLocation,
  Schedule,
  ShortlistRule,
  TallySettings,
} from '@allot/shared';
import { PHASES, PROPOSAL_STATUSES } from '@allot/shared';
import { users, wards } from './schema';

export const phaseEnum = pgEnum('cycle_phase', PHASES);
export const proposalStatusEnum = pgEnum('proposal_status', PROPOSAL_STATUSES);
export const feasibilityVerdictEnum = pgEnum('feasibility_verdict', ['feasible', 'feasible_with_changes', 'not_feasible']);

export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    currency: text('currency').notNull(),
    /** Must equal the sum of the cycle's pot budgets (deferred constraint trigger, see migrations). */
    totalBudget: bigint('total_budget', { mode: 'number' }).notNull(),
    phase: phaseEnum('phase').notNull().default('draft'),
    phaseChangedAt: timestamp('phase_changed_at', { withTimezone: true }).notNull().defaultNow(),
    schedule: jsonb('schedule').$type<Schedule>().notNull().default({}),
    ballot: jsonb('ballot').$type<BallotSettings>().notNull(),
    tally: jsonb('tally').$type<TallySettings>().notNull(),
    eligibility: jsonb('eligibility').$type<EligibilitySettings>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('cycles_total_budget_nonnegative', sql`${t.totalBudget} >= 0`),
    check('cycles_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** One pot per ward of the cycle, plus at most one city-wide pot (ward_id null). */
export const pots = pgTable(
  'pots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    wardId: uuid('ward_id').references(() => wards.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    budget: bigint('budget', { mode: 'number' }).notNull(),
  },
  (t) => [
    unique('pots_cycle_ward_unique').on(t.cycleId, t.wardId).nullsNotDistinct(),
    check('pots_budget_nonnegative', sql`${t.budget} >= 0`),
  ],
);

export const deliberationRounds = pgTable(
  'deliberation_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    shortlistRule: jsonb('shortlist_rule').$type<ShortlistRule>(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    unique('deliberation_rounds_cycle_position_unique').on(t.cycleId, t.position),
    check('deliberation_rounds_dates_ordered', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    potId: uuid('pot_id')
      .notNull()
      .references(() => pots.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    /** Markdown exactly as the author wrote it. */
    description: text('description').notNull(),
    category: text('category').notNull(),
    estimatedCost: bigint('estimated_cost', { mode: 'number' }).notNull(),
    location: jsonb('location').$type<ProposalLocation>(),
    contribution: jsonb('contribution').$type<CommunityContribution>(),
    status: proposalStatusEnum('status').notNull().default('submitted'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => proposals.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposals_cycle_pot_idx').on(t.cycleId, t.potId),
    index('proposals_cycle_status_idx').on(t.cycleId, t.status),
    check('proposals_estimated_cost_positive', sql`${t.estimatedCost} > 0`),
    check('proposals_title_length', sql`char_length(${t.title}) between 1 and 120`),
    check('proposals_description_length', sql`char_length(${t.description}) <= 10000`),
    check('proposals_merged_has_target', sql`(${t.status} = 'merged') = (${t.mergedIntoId} is not null)`),
  ],
);

/** Authors of a proposal; a merge credits the source's authors on the target too. */
export const proposalAuthors = pgTable(
  'proposal_authors',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index('proposal_authors_user_idx').on(t.userId)],
);

/** One support per resident per proposal: the primary key makes a repeated support a no-op. */
export const proposalSupports = pgTable(
  'proposal_supports',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index('proposal_supports_user_idx').on(t.userId)],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('comments_proposal_idx').on(t.proposalId, t.createdAt),
    check('comments_body_length', sql`char_length(${t.body}) between 1 and 2000`),
    check('comments_hidden_has_reason', sql`(${t.hiddenAt} is null) = (${t.hiddenReason} is null)`),
  ],
);

/** One flag per resident per comment. */
export const commentFlags = pgTable(
  'comment_flags',
  {
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

/** The latest staff verdict on a proposal. `internal_notes` never leaves staff responses. */
export const feasibilityReviews = pgTable(
  'feasibility_reviews',
  {
    proposalId: uuid('proposal_id')
      .primaryKey()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    verdict: feasibilityVerdictEnum('verdict').notNull(),
    costEstimate: bigint('cost_estimate', { mode: 'number' }).notNull(),
    breakdown: jsonb('breakdown').$type<CostItem[]>().notNull(),
    publicExplanation: text('public_explanation'),
    internalNotes: text('internal_notes'),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('feasibility_reviews_cost_positive', sql`${t.costEstimate} > 0`),
    check(
      'feasibility_reviews_explained',
      sql`${t.verdict} = 'feasible' or coalesce(char_length(${t.publicExplanation}), 0) > 0`,
    ),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
