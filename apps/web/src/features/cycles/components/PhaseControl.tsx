import type { Cycle } from '@allot/shared';
import { useEffect, useRef, useState } from 'react';
import { ProblemMessage, SuccessMessage } from '../../../components/messages';
import { useMovePhase } from '../api/move-phase';
import { nextPhase, PHASE_LABELS } from '../format';

/**
 * The admin's phase switch. Moving on cannot be undone, so it asks first; the server has the last
 * word and its refusal is shown as it was given.
 */
export function PhaseControl({ cycle }: { cycle: Cycle }) {
  const movePhase = useMovePhase();
  const [confirming, setConfirming] = useState(false);
  const [moved, setMoved] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const next = nextPhase(cycle.phase);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function cancel() {
    setConfirming(false);
    // Put focus back where it was, so keyboard users are not dropped at the top of the page.
    requestAnimationFrame(() => startRef.current?.focus());
  }

  function move() {
    if (!next) return;
    setMoved(null);
    // Name the target phase: two clicks (or two admins) then cannot skip a phase by accident.
    movePhase.mutate(
      { id: cycle.id, to: next },
      {
        onSuccess: (updated) => {
          setMoved(PHASE_LABELS[updated.phase]);
          setConfirming(false);
        },
        onError: () => setConfirming(false),
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="phase-control-title">
      <h2 id="phase-control-title">Phase</h2>
      <p>
        This cycle is in the <strong>{PHASE_LABELS[cycle.phase]}</strong> phase.
      </p>
      {moved ? <SuccessMessage>The cycle has moved to the {moved} phase.</SuccessMessage> : null}
      {movePhase.isError ? <ProblemMessage title="The phase did not change">{movePhase.error.message}</ProblemMessage> : null}
      {next === undefined ? (
        <p>This is the last phase.</p>
      ) : confirming ? (
        <div className="confirm" role="group" aria-labelledby="phase-confirm-text">
          <p id="phase-confirm-text">
            Move the cycle from {PHASE_LABELS[cycle.phase]} to <strong>{PHASE_LABELS[next]}</strong>? Residents will see the
            change at once. Phases only move forward: this cannot be undone.
          </p>
          <div className="button-row">
            <button ref={confirmRef} type="button" className="button" onClick={move} disabled={movePhase.isPending}>
              {movePhase.isPending ? 'Moving…' : `Yes, move to ${PHASE_LABELS[next]}`}
            </button>
            <button type="button" className="button button--secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button ref={startRef} type="button" className="button" onClick={() => setConfirming(true)}>
          Move to the next phase: {PHASE_LABELS[next]}
        </button>
      )}
    </section>
  );
}
