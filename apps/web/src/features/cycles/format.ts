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

export { formatMoney } from '../../lib/format';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2027-03-31" → "31 March 2027". */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}
