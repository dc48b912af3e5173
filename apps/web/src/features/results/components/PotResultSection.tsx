import type { PotResult } from '@allot/shared';
import { formatCount, formatMoney, formatPercent, isEqualShares, plural, RULE_NAMES, shareOf, type DeliveryProject } from '../results-model';
import { CostSharingChart } from './CostSharingChart';
import { DeliveryProgress } from './DeliveryProgress';
import { ExplanationSteps } from './ExplanationSteps';
import { OpenDataLinks } from './OpenDataLinks';
import { ProjectOutcomesTable } from './ProjectOutcomesTable';

interface PotResultSectionProps {
  cycleId: string;
  pot: PotResult;
  currency: string;
  published: boolean;
  /** Delivery progress of this pot's funded projects; undefined while not known (not published, loading). */
  delivery: readonly DeliveryProject[] | undefined;
  deliveryProblem?: string;
}

/** One pot's result in full: the projects, delivery, the rule's steps, cost sharing and open data. */
export function PotResultSection({ cycleId, pot, currency, published, delivery, deliveryProblem }: PotResultSectionProps) {
  const id = `pot-${pot.potId}`;
  const fundedCount = pot.funded.length;
  return (
    <section className="pot-result" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{pot.name}</h2>
      <p>
        {plural(fundedCount, 'project', 'projects')} funded, using {formatMoney(pot.spent, currency)} of the{' '}
        {formatMoney(pot.budget, currency)} budget ({formatPercent(shareOf(pot.spent, pot.budget))}).{' '}
        {plural(pot.ballots, 'person', 'people')} voted in this pot. Counted with the rule: <strong>{RULE_NAMES[pot.rule]}</strong>.
      </p>
      <p>{pot.ruleDescription}</p>
      <ProjectOutcomesTable pot={pot} currency={currency} />

      {published && fundedCount > 0 ? (
        <section aria-labelledby={`${id}-delivery`}>
          <h3 id={`${id}-delivery`}>Delivery progress</h3>
          {deliveryProblem ? <p>{deliveryProblem}</p> : delivery === undefined ? <p>Loading delivery progress…</p> : <DeliveryProgress projects={delivery} />}
        </section>
      ) : null}

      <section aria-labelledby={`${id}-steps`}>
        <h3 id={`${id}-steps`}>How the rule decided, step by step</h3>
        <ExplanationSteps pot={pot} />
      </section>

      {isEqualShares(pot.rule) && pot.equalShares ? (
        <section aria-labelledby={`${id}-sharing`}>
          <h3 id={`${id}-sharing`}>How the cost of each funded project was shared</h3>
          <CostSharingChart pot={pot} summary={pot.equalShares} currency={currency} />
        </section>
      ) : null}

      <section aria-labelledby={`${id}-data`}>
        <h3 id={`${id}-data`}>Open data: count it yourself</h3>
        {published ? (
          <OpenDataLinks cycleId={cycleId} potId={pot.potId} potName={pot.name} />
        ) : (
          <p>The ballots and results of {pot.name} can be downloaded once the results are published.</p>
        )}
        <p className="field__hint">
          Fingerprint of the {formatCount(pot.ballots)} ballots counted (SHA-256): <code className="break">{pot.ballotsHash}</code>
        </p>
      </section>
    </section>
  );
}
