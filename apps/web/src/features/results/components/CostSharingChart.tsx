import '../results.css';
import type { EqualSharesSummary, PotResult } from '@allot/shared';
import { completionSummary, costSplit, describeCostSharing, formatAmount, formatCount, formatMoney, plural } from '../results-model';
import { Bar, Swatch } from './Bar';

function Legend({ leftOver }: { leftOver: boolean }) {
  return (
    <ul className="legend" aria-label="Key to the bars">
      <li>
        <Swatch className="bar__part--full" /> Solid: supporters who paid the full share
      </li>
      <li>
        <Swatch className="bar__part--left" striped /> Striped: supporters who paid everything they had left
      </li>
      {leftOver ? (
        <li>
          <Swatch className="bar__part--leftover" lined /> Upright lines: money left over in the pot, not from voters’ shares
        </li>
      ) : null}
    </ul>
  );
}

/**
 * Method of equal shares: how each funded project's cost was shared among its supporters, as a bar
 * split in two (solid: supporters who paid the full share; striped: those who paid all they had
 * left) with the same numbers in words, then each voter's share and the money nobody spent. A
 * project the completion stage funded from money left over in the pot (no voter's share paid for
 * it) has a bar of upright lines and says so.
 */
export function CostSharingChart({ pot, summary, currency }: { pot: PotResult; summary: EqualSharesSummary; currency: string }) {
  const titles = new Map(pot.projects.map((project) => [project.id, project.title]));
  const raised = summary.budgetPerVoterUsed !== summary.budgetPerVoterStart;
  const completion = completionSummary(pot.budget, summary.costSharing);
  return (
    <>
      <p>
        The method of equal shares divides the pot equally among the {plural(summary.voters, 'person', 'people')} who voted in it:
        each started with <strong>{formatAmount(summary.budgetPerVoterStart, currency)}</strong> to spend on the projects they
        voted for. A project is funded when its supporters can pay for it together from their shares. Its cost is split
        equally among them; a supporter with less than that left pays everything they have, and the others pay a little more.
      </p>
      {raised ? (
        <p>
          So that more of the money is used, the rule was run again with each share raised to{' '}
          <strong>{formatAmount(summary.budgetPerVoterUsed, currency)}</strong>. The result on this page is from that run.
        </p>
      ) : null}
      <p>
        Money in the pot not spent on any project: <strong>{formatMoney(pot.budget - pot.spent, currency)}</strong>.
        {raised ? (
          <>
            {' '}
            (Each share was raised, so together the shares came to more than the pot:{' '}
            {formatAmount(summary.unspent, currency)} was left in voters’ shares, more than was left in the pot.)
          </>
        ) : null}
      </p>
      {completion ? (
        <p>
          After the equal-shares steps, <strong>{formatMoney(completion.leftAfterShares, currency)}</strong> of the pot was still
          unspent. That money, not voters’ shares, then paid for {plural(completion.projects, 'more project', 'more projects')} (
          {formatMoney(completion.spent, currency)} in all): the projects not yet funded were taken in order of votes, and each one
          that still fitted in what was left was funded.
        </p>
      ) : null}
      {summary.costSharing.length === 0 ? (
        <p>No project was funded from voters’ shares.</p>
      ) : (
        <>
          <Legend leftOver={completion !== null} />
          <ul className="cost-sharing">
            {summary.costSharing.map((sharing) => {
              const split = costSplit(sharing);
              const title = titles.get(sharing.projectId) ?? 'A project no longer on the ballot';
              return (
                <li key={sharing.projectId} className="cost-sharing__project">
                  <p className="cost-sharing__title">
                    <strong>{title}</strong> ({formatMoney(sharing.cost, currency)})
                  </p>
                  <Bar
                    parts={[
                      { length: split.paidInFull, className: 'bar__part bar__part--full' },
                      { length: split.paidEverythingLeft, className: 'bar__part bar__part--left', striped: true },
                      { length: split.leftOver, className: 'bar__part bar__part--leftover', lined: true },
                    ]}
                  />
                  <ul className="cost-sharing__numbers">
                    {describeCostSharing(sharing, currency).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
          <p className="field__hint">
            {formatCount(summary.costSharing.length)} funded {summary.costSharing.length === 1 ? 'project' : 'projects'} shown. Amounts are rounded to the penny.
          </p>
        </>
      )}
    </>
  );
}
