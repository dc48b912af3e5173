import { PHASES, phaseIndex, type Phase, type Schedule } from '@allot/shared';
import { formatDate, PHASE_LABELS } from '../format';

interface PhaseTimelineProps {
  phase: Phase;
  schedule: Schedule;
}

/** Every phase in order with its dates; the current one is marked in words, not only by colour. */
export function PhaseTimeline({ phase, schedule }: PhaseTimelineProps) {
  const current = phaseIndex(phase);
  return (
    <ol className="timeline" aria-label="Phases of this cycle">
      {PHASES.map((step, index) => {
        const range = step === 'draft' ? undefined : schedule[step];
        const state = index < current ? 'done' : index === current ? 'current' : 'upcoming';
        return (
          <li key={step} className={`timeline__step timeline__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="timeline__name">{PHASE_LABELS[step]}</span>
            <span className="timeline__state">
              {state === 'current' ? ' (now)' : state === 'done' ? ' (finished)' : ''}
            </span>
            {range ? (
              <span className="timeline__dates">
                {formatDate(range.start)} to {formatDate(range.end)}
              </span>
            ) : step === 'draft' ? null : (
              <span className="timeline__dates">Dates not set</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
