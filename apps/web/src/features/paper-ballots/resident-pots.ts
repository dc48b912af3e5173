import type { BallotPot, BallotProject, EligibilitySettings, Pot, VoterSummary } from '@allot/shared';

/**
 * The ward a resident votes in under the cycle's rules: the staff-verified ward, or (when the
 * cycle accepts self-declared wards) the home ward they gave. Null when none is established.
 */
export function votingWardOf(voter: VoterSummary, rules: EligibilitySettings): string | null {
  return rules.wardEstablishment === 'verified' ? voter.verifiedWardId : (voter.verifiedWardId ?? voter.homeWardId);
}

/**
 * The pots on a resident's paper ballot — their ward's pot and the city-wide pot — with the
 * projects on the ballot in each. The same rule the server applies when it checks the ballot.
 */
export function residentPots(voter: VoterSummary, rules: EligibilitySettings, pots: readonly Pot[], projects: readonly BallotProject[]): BallotPot[] {
  const wardId = votingWardOf(voter, rules);
  if (wardId === null || !pots.some((pot) => pot.wardId === wardId)) return [];
  return pots
    .filter((pot) => pot.wardId === wardId || pot.wardId === null)
    .map((pot) => ({
      potId: pot.id,
      wardId: pot.wardId,
      name: pot.name,
      budget: pot.budget,
      projects: projects.filter((project) => project.potId === pot.id),
    }));
}
