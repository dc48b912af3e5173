import type { PublicFeasibility } from '@allot/shared';
import { TableRegion } from '../../../components/TableRegion';
import { formatDay, formatMoney, VERDICT_LABELS } from '../format';

/** The public result of the council's feasibility check (never the staff's internal notes). */
export function FeasibilityOutcome({ feasibility, currency }: { feasibility: PublicFeasibility; currency: string }) {
  return (
    <section className={`verdict verdict--${feasibility.verdict}`} aria-labelledby="verdict-title">
      <h2 id="verdict-title">Council check</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Verdict</dt>
          <dd>{VERDICT_LABELS[feasibility.verdict]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Council cost estimate</dt>
          <dd>{formatMoney(feasibility.costEstimate, currency)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Checked on</dt>
          <dd>{formatDay(feasibility.reviewedAt)}</dd>
        </div>
      </dl>
      {feasibility.publicExplanation ? (
        <>
          <h3>Why</h3>
          <p className="preserve-lines">{feasibility.publicExplanation}</p>
        </>
      ) : null}
      {feasibility.breakdown.length > 0 ? (
        <TableRegion label="How the cost is made up">
          <table className="table">
            <caption className="table__caption">How the cost is made up</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="numeric">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {feasibility.breakdown.map((line, index) => (
                <tr key={`${index}-${line.item}`}>
                  <td>{line.item}</td>
                  <td className="numeric">{formatMoney(line.amount, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </section>
  );
}
