import type { PotResult } from '@allot/shared';
import { STEP_LABELS } from '../results-model';

/** The rule's steps in the order it took them, each with its outcome in words. */
export function ExplanationSteps({ pot }: { pot: PotResult }) {
  if (pot.explanation.length === 0) return <p>The rule took no steps: there was nothing to decide in this pot.</p>;
  return (
    <ol className="explanation">
      {pot.explanation.map((step, index) => (
        // Steps have no id of their own and never change order once counted.
        <li key={index} className={`explanation__step explanation__step--${step.decision.replace(' ', '-')}`}>
          <span className="explanation__label">{STEP_LABELS[step.decision]}:</span> {step.text}
        </li>
      ))}
    </ol>
  );
}
