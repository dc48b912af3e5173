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

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar date: "2027-03-31" → "31 March 2027"; an unreadable value is shown as it came. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}
