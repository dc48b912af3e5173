/** Query keys of the paper-ballot desk; entering a ballot or verifying a ward invalidates paperBallotKeys.all. */
export const paperBallotKeys = {
  all: ['paper-ballots'] as const,
  voters: (cycleId: string, q: string) => [...paperBallotKeys.all, 'voters', cycleId, q] as const,
  ballotProjects: (cycleId: string) => [...paperBallotKeys.all, 'ballot-projects', cycleId] as const,
};
