import type { BallotPot, BallotSettings } from '@allot/shared';
import { useEffect, useState } from 'react';
import { moveItem, remainingChoices, type PotDraft } from '../ballot-model';

interface RankedPotProps {
  pot: BallotPot;
  settings: Extract<BallotSettings, { kind: 'ranked' }>;
  draft: PotDraft;
  onChange: (draft: PotDraft) => void;
  money: (amount: number) => string;
  idPrefix: string;
}

/**
 * Ranked pots: the voter's ranking as an ordered list with buttons to move, add and remove, so it
 * works with a keyboard and a screen reader (no dragging). After every change focus stays with
 * the project that moved and a polite live region says where it is now.
 */
export function RankedPot({ pot, settings, draft, onChange, money, idPrefix }: RankedPotProps) {
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const ranking = draft.chosen.filter((id) => pot.projects.some((project) => project.id === id));
  const unranked = pot.projects.filter((project) => !ranking.includes(project.id));
  const remaining = remainingChoices(settings, draft);
  const titleOf = (id: string) => pot.projects.find((project) => project.id === id)?.title ?? 'The project';
  const controlId = (action: 'up' | 'down' | 'remove' | 'add', projectId: string) => `${idPrefix}-${action}-${projectId}`;

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function update(next: string[], message: string, focus: string) {
    onChange({ ...draft, chosen: next });
    setAnnouncement(message);
    setFocusTarget(focus);
  }

  function move(projectId: string, by: -1 | 1) {
    const from = ranking.indexOf(projectId);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ranking.length) return;
    const next = moveItem(ranking, from, to);
    // Keep focus on a button that still works after the move (moving to the top disables "up").
    const stayOn = by === -1 ? (to === 0 ? 'down' : 'up') : to === next.length - 1 ? 'up' : 'down';
    update(next, `${titleOf(projectId)} is now number ${to + 1} of ${next.length}`, controlId(stayOn, projectId));
  }

  function add(projectId: string) {
    const next = [...ranking, projectId];
    update(next, `${titleOf(projectId)} added as number ${next.length} of ${next.length}`, controlId(next.length > 1 ? 'up' : 'remove', projectId));
  }

  function remove(projectId: string) {
    const next = ranking.filter((id) => id !== projectId);
    update(next, `${titleOf(projectId)} removed from your ranking`, controlId('add', projectId));
  }

  return (
    <div className="ballot-choices ballot-ranked">
      <p className="field__hint">
        Put the projects you support in order, your favourite first.
        {settings.maxRanks !== undefined ? ` You can rank up to ${settings.maxRanks}.` : ''} You do not have to rank them all.
      </p>
      {/* Visible names start each button's accessible name, which adds the project (WCAG 2.5.3). */}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <h3 id={`${idPrefix}-ranking-title`}>Your ranking in {pot.name}</h3>
      {ranking.length === 0 ? (
        <p>You have not ranked any projects here yet.</p>
      ) : (
        <ol className="ranking" aria-labelledby={`${idPrefix}-ranking-title`}>
          {ranking.map((projectId, index) => {
            const title = titleOf(projectId);
            return (
              <li key={projectId} className="ranking__item">
                <span className="ranking__position" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="ranking__title">{title}</span>
                <span className="button-row ranking__actions">
                  <button
                    id={controlId('up', projectId)}
                    type="button"
                    className="button button--secondary"
                    disabled={index === 0}
                    aria-label={`Move up: ${title}`}
                    onClick={() => move(projectId, -1)}
                  >
                    Move up
                  </button>
                  <button
                    id={controlId('down', projectId)}
                    type="button"
                    className="button button--secondary"
                    disabled={index === ranking.length - 1}
                    aria-label={`Move down: ${title}`}
                    onClick={() => move(projectId, 1)}
                  >
                    Move down
                  </button>
                  <button
                    id={controlId('remove', projectId)}
                    type="button"
                    className="button button--secondary"
                    aria-label={`Remove ${title}`}
                    onClick={() => remove(projectId)}
                  >
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {unranked.length > 0 ? (
        <>
          <h3 id={`${idPrefix}-unranked-title`}>Projects you have not ranked</h3>
          {remaining === 0 ? <p>You have ranked as many projects as you can. Remove one to rank another.</p> : null}
          <ul className="ballot-options" aria-labelledby={`${idPrefix}-unranked-title`}>
            {unranked.map((project) => (
              <li key={project.id} className="ballot-option ballot-option--ranked">
                <span className="ballot-option__label">
                  <span className="ballot-option__title">{project.title}</span>
                  <span className="ballot-option__cost">{money(project.cost)}</span>
                </span>
                <button
                  id={controlId('add', project.id)}
                  type="button"
                  className="button button--secondary"
                  disabled={remaining === 0}
                  aria-label={`Add to my ranking: ${project.title}`}
                  onClick={() => add(project.id)}
                >
                  Add to my ranking
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
