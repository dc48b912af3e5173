export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${new Intl.NumberFormat('en-GB').format(amount)} ${currency}`;
  }
}

export const REVIEW_STATUS_LABELS: Record<string, string> = {
  shortlisted: 'Waiting for a verdict',
  feasible: 'Can be done',
  feasible_with_changes: 'Can be done with changes',
  not_feasible: 'Cannot be done',
};
