import type { CycleResults } from '@allot/shared';
import { formatCount, formatMoney, formatPercent, formatTimestamp, plural, RULE_NAMES, shareOf } from '../results-model';
import { ProjectOutcomesTable } from './ProjectOutcomesTable';

/** The stored count as an admin checks it before publishing: per pot, what was funded and the fingerprints. */
export function CountReview({ results }: { results: CycleResults }) {
  return (
    <>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Counted</dt>
          <dd>{formatTimestamp(results.talliedAt)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Result fingerprint (SHA-256)</dt>
          <dd>
            <code className="break" data-testid="result-hash">
              {results.resultHash}
            </code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Money for funded projects</dt>
          <dd>
            {formatMoney(results.summary.totalFunded, results.currency)} of {formatMoney(results.summary.totalBudget, results.currency)}
          </dd>
        </div>
      </dl>
      {results.pots.map((pot) => (
        <section key={pot.potId} className="pot-result" aria-labelledby={`review-${pot.potId}`}>
          <h3 id={`review-${pot.potId}`}>{pot.name}</h3>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>Rule</dt>
              <dd>{RULE_NAMES[pot.rule]}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Ballots counted</dt>
              <dd>{formatCount(pot.ballots)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Funded</dt>
              <dd>
                {plural(pot.funded.length, 'project', 'projects')} of {formatCount(pot.projects.length)}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>Spent</dt>
              <dd>
                {formatMoney(pot.spent, results.currency)} of the {formatMoney(pot.budget, results.currency)} budget (
                {formatPercent(shareOf(pot.spent, pot.budget))})
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>Ballots fingerprint (SHA-256)</dt>
              <dd>
                <code className="break">{pot.ballotsHash}</code>
              </dd>
            </div>
          </dl>
          <ProjectOutcomesTable pot={pot} currency={results.currency} />
        </section>
      ))}
    </>
  );
}
