import type { FeasibilityVerdict, ProposalStatus } from '@allot/shared';

export const STATUS_LABELS: Record<ProposalStatus, string> = {
  submitted: 'Submitted',
  shortlisted: 'Shortlisted for council checks',
  not_shortlisted: 'Not shortlisted',
  feasible: 'Can be done',
  feasible_with_changes: 'Can be done with changes',
  not_feasible: 'Cannot be done',
  withdrawn: 'Withdrawn by its authors',
  merged: 'Merged into another idea',
};

export const VERDICT_LABELS: Record<FeasibilityVerdict, string> = {
  feasible: 'Can be done as proposed',
  feasible_with_changes: 'Can be done with changes',
  not_feasible: 'Cannot be done',
};

export { formatMoney } from '../../lib/format';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

export function formatDay(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? isoDateTime : dateFormat.format(date);
}
