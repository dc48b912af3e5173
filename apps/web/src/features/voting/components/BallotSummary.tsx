import type { BallotPot, PotSelection } from '@allot/shared';

interface BallotSummaryProps {
  pots: readonly BallotPot[];
  selections: readonly PotSelection[];
  money: (amount: number) => string;
}

/** What a ballot says, pot by pot, in words: used on the review step and to show a cast ballot. */
export function BallotSummary({ pots, selections, money }: BallotSummaryProps) {
  return (
    <div className="ballot-summary">
      {pots.map((pot) => {
        const selection = selections.find((candidate) => candidate.potId === pot.potId);
        const title = (id: string) => pot.projects.find((project) => project.id === id)?.title ?? 'A project no longer on the ballot';
        const cost = (id: string) => pot.projects.find((project) => project.id === id)?.cost;
        return (
          <section key={pot.potId} className="ballot-summary__pot" aria-label={pot.name}>
            <h3>{pot.name}</h3>
            {selection === undefined ? (
              <p>Nothing chosen in this pot.</p>
            ) : 'ranking' in selection ? (
              <ol>
                {selection.ranking.map((id) => (
                  <li key={id}>{title(id)}</li>
                ))}
              </ol>
            ) : 'points' in selection ? (
              <ul>
                {Object.entries(selection.points).map(([id, points]) => (
                  <li key={id}>
                    {title(id)}: {points} {points === 1 ? 'point' : 'points'}
                  </li>
                ))}
              </ul>
            ) : (
              <>
                <ul>
                  {selection.projects.map((id) => {
                    const amount = cost(id);
                    return (
                      <li key={id}>
                        {title(id)}
                        {amount === undefined ? '' : ` (${money(amount)})`}
                      </li>
                    );
                  })}
                </ul>
                <p>
                  Total cost of your choices:{' '}
                  {money(selection.projects.reduce((sum, id) => sum + (cost(id) ?? 0), 0))} of {money(pot.budget)}
                </p>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
