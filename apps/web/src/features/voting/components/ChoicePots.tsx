import type { BallotPot, BallotSettings } from '@allot/shared';
import { costOf, minimumSpend, remainingChoices, type PotDraft } from '../ballot-model';

interface ChoicePotProps {
  pot: BallotPot;
  settings: Extract<BallotSettings, { kind: 'approval' | 'knapsack' }>;
  draft: PotDraft;
  onChange: (draft: PotDraft) => void;
  money: (amount: number) => string;
  idPrefix: string;
}

function countRule(settings: ChoicePotProps['settings']): string | null {
  const { minCount, maxCount } = settings;
  if (minCount !== undefined && minCount > 0 && maxCount !== undefined) return `Choose between ${minCount} and ${maxCount} projects, or none.`;
  if (maxCount !== undefined) return `Choose up to ${maxCount} ${maxCount === 1 ? 'project' : 'projects'}.`;
  if (minCount !== undefined && minCount > 0) return `Choose at least ${minCount} projects, or none.`;
  return 'Choose as many projects as you like.';
}

/**
 * Approval and knapsack pots: one checkbox per project. A project that would break the rules
 * (one too many, or over the budget on a knapsack ballot) is disabled with the reason next to it,
 * so nobody builds a ballot the server would refuse.
 */
export function ChoicePot({ pot, settings, draft, onChange, money, idPrefix }: ChoicePotProps) {
  const remaining = remainingChoices(settings, draft);
  const knapsack = settings.kind === 'knapsack';
  const spent = costOf(pot, draft.chosen);
  const left = pot.budget - spent;
  const minimum = minimumSpend(settings, pot.budget);
  const statusId = `${idPrefix}-status`;
  const meterTextId = `${idPrefix}-budget-text`;

  function toggle(projectId: string, checked: boolean) {
    const chosen = checked ? [...draft.chosen, projectId] : draft.chosen.filter((id) => id !== projectId);
    onChange({ ...draft, chosen });
  }

  return (
    <fieldset className="fieldset ballot-choices">
      <legend className="fieldset__legend">Projects in {pot.name}</legend>
      <p className="field__hint">
        {countRule(settings)}
        {knapsack ? ` Your choices must fit the ${money(pot.budget)} budget.` : ''}
        {knapsack && minimum > 0 ? ` Choose projects worth at least ${money(minimum)} in all.` : ''}
      </p>
      {knapsack ? (
        <div className="ballot-budget">
          <p id={meterTextId} className="ballot-budget__text" aria-live="polite">
            {money(spent)} of {money(pot.budget)} used, {money(Math.max(0, left))} left
            {minimum > 0 && spent < minimum ? ` (at least ${money(minimum)} needed)` : ''}
          </p>
          <meter
            className="ballot-budget__meter"
            min={0}
            max={pot.budget}
            low={minimum > 0 ? minimum : undefined}
            value={Math.min(spent, pot.budget)}
            aria-labelledby={meterTextId}
          />
        </div>
      ) : null}
      {remaining !== undefined ? (
        <p id={statusId} className="ballot-remaining" aria-live="polite">
          {remaining === 0 ? 'You cannot choose any more projects here' : `You can choose ${remaining} more`}
        </p>
      ) : null}
      <ul className="ballot-options">
        {pot.projects.map((project) => {
          const checked = draft.chosen.includes(project.id);
          const id = `${idPrefix}-project-${project.id}`;
          let blocked: string | null = null;
          if (!checked && remaining === 0) blocked = 'You have chosen the most projects allowed';
          else if (!checked && knapsack && project.cost > left) blocked = `Would go over the budget by ${money(project.cost - left)}`;
          return (
            <li key={project.id} className={blocked ? 'ballot-option ballot-option--blocked' : 'ballot-option'}>
              <input
                id={id}
                type="checkbox"
                checked={checked}
                disabled={blocked !== null}
                aria-describedby={blocked ? `${id}-blocked` : undefined}
                onChange={(event) => toggle(project.id, event.target.checked)}
              />
              <label htmlFor={id} className="ballot-option__label">
                <span className="ballot-option__title">{project.title}</span>
                <span className="ballot-option__cost">{money(project.cost)}</span>
              </label>
              {blocked ? (
                <p id={`${id}-blocked`} className="ballot-option__reason">
                  {blocked}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
