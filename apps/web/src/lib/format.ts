/** Formatting shared by every feature (features do not import each other, so it lives here). */

/** Whole currency units as residents read them: 150000, 'GBP' → "£150,000". */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    // An unknown currency code: show the plain number with the code rather than nothing.
    return `${new Intl.NumberFormat('en-GB').format(amount)} ${currency}`;
  }
}
