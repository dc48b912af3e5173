import { PHASES, type Phase } from '@allot/shared';

/** Plain-language names for the phases, in order. */
export const PHASE_LABELS: Record<Phase, string> = {
  draft: 'Being prepared',
  proposals: 'Ideas',
  deliberation: 'Discussion and support',
  feasibility: 'Council checks',
  voting: 'Voting',
  counting: 'Counting',
  results: 'Results',
  implementation: 'Delivery',
  closed: 'Closed',
};

export function nextPhase(phase: Phase): Phase | undefined {
  return PHASES[PHASES.indexOf(phase) + 1];
}

export { formatDate, formatMoney } from '../../lib/format';
