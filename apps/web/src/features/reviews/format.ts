export { formatMoney } from '../../lib/format';

export const REVIEW_STATUS_LABELS: Record<string, string> = {
  shortlisted: 'Waiting for a verdict',
  feasible: 'Can be done',
  feasible_with_changes: 'Can be done with changes',
  not_feasible: 'Cannot be done',
};
