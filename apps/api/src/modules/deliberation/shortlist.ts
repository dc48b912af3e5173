import { and, eq, isNull } from 'drizzle-orm';
import type { ShortlistRule } from '@allot/shared';
import type { Db } from '../../db/client';
import { deliberationRounds } from '../../db/schema';
import type { RoundRow } from '../cycles/cycles.repository';
import { listRounds } from '../cycles/cycles.repository';
import { setStatus, supportCountsByStatus } from '../proposals/proposals.repository';
import type { Actor } from '../wards/wards.service';

export interface ShortlistOutcome {
  shortlisted: string[];
  notShortlisted: string[];
}

/**
 * Which of the candidates pass the rule. `topN` keeps, per pot, the N most supported proposals;
 * proposals tied with the N-th all go through, so equal support is never split arbitrarily.
 */
export function selectShortlist(
  rule: ShortlistRule,
  candidates: readonly { id: string; potId: string; supports: number }[],
): ShortlistOutcome {
  const passes = new Set<string>();
  if (rule.kind === 'threshold') {
    for (const candidate of candidates) if (candidate.supports >= rule.minSupports) passes.add(candidate.id);
  } else {
    const byPot = new Map<string, { id: string; supports: number }[]>();
    for (const candidate of candidates) byPot.set(candidate.potId, [...(byPot.get(candidate.potId) ?? []), candidate]);
    for (const group of byPot.values()) {
      const sorted = [...group].sort((a, b) => b.supports - a.supports);
      const cutoff = sorted[Math.min(rule.n, sorted.length) - 1]?.supports ?? 0;
      for (const candidate of sorted) if (candidate.supports >= cutoff) passes.add(candidate.id);
    }
  }
  return {
    shortlisted: candidates.filter((c) => passes.has(c.id)).map((c) => c.id),
    notShortlisted: candidates.filter((c) => !passes.has(c.id)).map((c) => c.id),
  };
}

/** Closes one round: applies its shortlist rule (if any) to the proposals still in contention. */
export async function closeRoundAndApply(tx: Db, actor: Actor, round: RoundRow): Promise<ShortlistOutcome> {
  let outcome: ShortlistOutcome = { shortlisted: [], notShortlisted: [] };
  if (round.shortlistRule !== null) {
    const candidates = await supportCountsByStatus(tx, round.cycleId, ['submitted', 'shortlisted']);
    outcome = selectShortlist(round.shortlistRule, candidates);
    await setStatus(tx, outcome.shortlisted, 'shortlisted');
    await setStatus(tx, outcome.notShortlisted, 'not_shortlisted');
  }
  await tx
    .update(deliberationRounds)
    .set({ closedAt: new Date(), closedBy: actor.userId })
    .where(and(eq(deliberationRounds.id, round.id), isNull(deliberationRounds.closedAt)));
  return outcome;
}

/**
 * Called when a cycle leaves (or skips) deliberation: when leaving it, closes the last round with
 * its rule if it is still open; closes any other open round without applying it (a skipped
 * deliberation gathered no supports to shortlist by); and lets every proposal still merely
 * `submitted` through to feasibility (no rule left anything to decide for them).
 */
export async function finishDeliberation(
  tx: Db,
  actor: Actor,
  cycleId: string,
  applyLastRound: boolean,
): Promise<{ appliedRoundId: string | null; shortlisted: number; notShortlisted: number }> {
  const rounds = await listRounds(tx, cycleId);
  const last = rounds.at(-1);
  let appliedRoundId: string | null = null;
  let outcome: ShortlistOutcome = { shortlisted: [], notShortlisted: [] };
  if (applyLastRound && last !== undefined && last.closedAt === null) {
    outcome = await closeRoundAndApply(tx, actor, last);
    appliedRoundId = last.id;
  }
  await tx
    .update(deliberationRounds)
    .set({ closedAt: new Date(), closedBy: actor.userId })
    .where(and(eq(deliberationRounds.cycleId, cycleId), isNull(deliberationRounds.closedAt)));
  const remaining = await supportCountsByStatus(tx, cycleId, ['submitted']);
  await setStatus(
    tx,
    remaining.map((row) => row.id),
    'shortlisted',
  );
  return {
    appliedRoundId,
    shortlisted: outcome.shortlisted.length + remaining.length,
    notShortlisted: outcome.notShortlisted.length,
  };
}
