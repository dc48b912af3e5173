import type { BallotPot, BallotSettings } from '@allot/shared';
import { pointsUsed, type PotDraft } from '../ballot-model';

interface PointsPotProps {
  pot: BallotPot;
  settings: Extract<BallotSettings, { kind: 'cumulative' }>;
  draft: PotDraft;
  onChange: (draft: PotDraft) => void;
  money: (amount: number) => string;
  idPrefix: string;
}

/**
 * Cumulative pots: a number box per project. Values are kept within the per-project cap and the
 * points still free, so the running total can never go over what the voter has.
 */
export function PointsPot({ pot, settings, draft, onChange, money, idPrefix }: PointsPotProps) {
  const used = pointsUsed(draft);
  const cap = settings.perProjectCap ?? settings.points;

  function setPoints(projectId: string, wanted: number) {
    const current = draft.points[projectId] ?? 0;
    const most = Math.min(cap, settings.points - used + current);
    const value = Math.max(0, Math.min(Number.isFinite(wanted) ? Math.trunc(wanted) : 0, most));
    const points = Object.fromEntries(Object.entries({ ...draft.points, [projectId]: value }).filter(([, given]) => given > 0));
    onChange({ chosen: Object.keys(points), points });
  }

  return (
    <fieldset className="fieldset ballot-choices">
      <legend className="fieldset__legend">Points for projects in {pot.name}</legend>
      <p className="field__hint">
        Spread up to {settings.points} points across the projects you want.
        {settings.perProjectCap !== undefined ? ` A project can get at most ${settings.perProjectCap} points.` : ''}
      </p>
      <p className="ballot-remaining" aria-live="polite">
        {used} of {settings.points} points used
      </p>
      <ul className="ballot-options">
        {pot.projects.map((project) => {
          const id = `${idPrefix}-points-${project.id}`;
          const value = draft.points[project.id] ?? 0;
          const most = Math.min(cap, settings.points - used + value);
          return (
            <li key={project.id} className="ballot-option ballot-option--points">
              <label htmlFor={id} className="ballot-option__label">
                <span className="ballot-option__title">{project.title}</span>
                <span className="ballot-option__cost">{money(project.cost)}</span>
              </label>
              <div className="stepper">
                <button
                  type="button"
                  className="button button--secondary stepper__button"
                  aria-label={`One point fewer for ${project.title}`}
                  disabled={value === 0}
                  onClick={() => setPoints(project.id, value - 1)}
                >
                  −
                </button>
                <input
                  id={id}
                  className="input stepper__input"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={most}
                  step={1}
                  value={value}
                  onChange={(event) => setPoints(project.id, event.target.valueAsNumber)}
                />
                <button
                  type="button"
                  className="button button--secondary stepper__button"
                  aria-label={`One point more for ${project.title}`}
                  disabled={value >= most}
                  onClick={() => setPoints(project.id, value + 1)}
                >
                  +
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
