/**
 * Voting: who voted (participation) is stored apart from what was chosen (ballots). Nothing in
 * `ballots` names a resident or carries a time: a ballot is keyed by an opaque voter token,
 * HMAC-SHA256(ballot secret, cycleId + userId), so only the server holding the secret can find
 * a resident's own ballot. Re-exported from ./schema.
 */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { PotSelection } from '@allot/shared';
import { users, wards } from './schema';
import { cycles } from './schema-cycles';

export const voteChannelEnum = pgEnum('vote_channel', ['online', 'paper']);

/** One row per voter per cycle, whatever the channel: the primary key is the one-ballot rule. */
export const participation = pgTable(
  'participation',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    channel: voteChannelEnum('channel').notNull(),
    firstCastAt: timestamp('first_cast_at', { withTimezone: true }).notNull(),
    lastCastAt: timestamp('last_cast_at', { withTimezone: true }).notNull(),
    /** The staff member who typed a paper ballot in. */
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * The ward the voter voted as: the eligibility ward of their counted (last) cast, which chose
     * their ward pot. Stored so the councillor figures do not follow a resident who moves after
     * voting. "Who voted" only, like the rest of this row: nothing here says what they chose.
     * Null only on rows from before migration 0007 that could not be backfilled.
     */
    wardId: uuid('ward_id').references(() => wards.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ name: 'participation_cycle_user_unique', columns: [t.cycleId, t.userId] }),
    index('participation_user_idx').on(t.userId),
    check('participation_online_has_no_clerk', sql`${t.channel} = 'paper' or ${t.enteredBy} is null`),
  ],
);

/** Ballot content. No user id and no timestamp, on purpose (see the file comment). */
export const ballots = pgTable(
  'ballots',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    voterToken: text('voter_token').notNull(),
    selections: jsonb('selections').$type<PotSelection[]>().notNull(),
    receipt: text('receipt').notNull(),
    /** SHA-256 (hex) of the canonical JSON of `selections`. */
    contentHash: text('content_hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'ballots_cycle_voter_unique', columns: [t.cycleId, t.voterToken] }),
    unique('ballots_cycle_receipt_unique').on(t.cycleId, t.receipt),
  ],
);

/**
 * Idempotency keys of online casts, on the ballot side (keyed by voter token, never by user).
 * The stored answer is sealed (AES-256-GCM under a key derived from the ballot secret), because
 * its cast time would otherwise join it to `participation`.
 */
export const ballotIdempotency = pgTable(
  'ballot_idempotency',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    voterToken: text('voter_token').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    sealedResponse: text('sealed_response').notNull(),
  },
  (t) => [primaryKey({ name: 'ballot_idempotency_pk', columns: [t.cycleId, t.voterToken, t.key] })],
);

/** The ward a staff member has verified for a resident (eligibility when a cycle requires it). */
export const wardVerifications = pgTable('ward_verifications', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  wardId: uuid('ward_id')
    .notNull()
    .references(() => wards.id, { onDelete: 'restrict' }),
  verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
  verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
});
