/**
 * Counting, results and implementation tracking. A cycle has at most one stored count
 * (`cycle_tallies`, one `pot_results` row per pot); re-counting before publication replaces it,
 * publication freezes it (trigger in the migration). Re-exported from ./schema.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  BallotKind,
  EqualSharesSummary,
  ExplanationStep,
  ProjectOutcome,
  TallyRule,
  TieBreakCriterion,
} from '@allot/shared';
import { users } from './schema';
import { cycles, pots, proposals } from './schema-cycles';

export const cycleTallies = pgTable('cycle_tallies', {
  cycleId: uuid('cycle_id')
    .primaryKey()
    .references(() => cycles.id, { onDelete: 'cascade' }),
  /** SHA-256 (hex) over every pot's stored result, in pot order. */
  resultHash: text('result_hash').notNull(),
  talliedAt: timestamp('tallied_at', { withTimezone: true }).notNull().defaultNow(),
  talliedBy: uuid('tallied_by').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
});

export const potResults = pgTable(
  'pot_results',
  {
    potId: uuid('pot_id')
      .primaryKey()
      .references(() => pots.id, { onDelete: 'cascade' }),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycleTallies.cycleId, { onDelete: 'cascade' }),
    rule: text('rule').$type<TallyRule>().notNull(),
    ruleKey: text('rule_key').notNull(),
    tieBreak: jsonb('tie_break').$type<TieBreakCriterion[]>().notNull(),
    ballotKind: text('ballot_kind').$type<BallotKind>().notNull(),
    budget: bigint('budget', { mode: 'number' }).notNull(),
    spent: bigint('spent', { mode: 'number' }).notNull(),
    ballotCount: integer('ballot_count').notNull(),
    ballotsHash: text('ballots_hash').notNull(),
    funded: jsonb('funded').$type<string[]>().notNull(),
    projects: jsonb('projects').$type<ProjectOutcome[]>().notNull(),
    explanation: jsonb('explanation').$type<ExplanationStep[]>().notNull(),
    equalShares: jsonb('equal_shares').$type<EqualSharesSummary>(),
    /** The engine's own explanation object, exactly as `@allot/tally` returned it. */
    engineExplanation: jsonb('engine_explanation').notNull(),
  },
  (t) => [
    index('pot_results_cycle_idx').on(t.cycleId),
    check('pot_results_spent_within_budget', sql`${t.spent} <= ${t.budget}`),
    check('pot_results_ballot_count_nonnegative', sql`${t.ballotCount} >= 0`),
  ],
);

export const milestoneStatusEnum = pgEnum('milestone_status', ['planned', 'in_progress', 'done']);

/** Delivery of a funded project (a proposal funded in a published result). */
export const projectDelivery = pgTable(
  'project_delivery',
  {
    proposalId: uuid('proposal_id')
      .primaryKey()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    progress: integer('progress').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [check('project_delivery_progress_range', sql`${t.progress} between 0 and 100`)],
);

export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    status: milestoneStatusEnum('status').notNull().default('planned'),
    dueOn: date('due_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('milestones_proposal_idx').on(t.proposalId, t.position),
    check('milestones_title_length', sql`char_length(${t.title}) between 1 and 200`),
    check('milestones_completed_only_when_done', sql`${t.completedOn} is null or ${t.status} = 'done'`),
  ],
);

export const projectUpdates = pgTable(
  'project_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_updates_proposal_idx').on(t.proposalId, t.postedAt),
    check('project_updates_body_length', sql`char_length(${t.body}) between 1 and 4000`),
  ],
);

