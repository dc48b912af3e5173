import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format';

describe('formatMoney', () => {
  it('shows whole currency units without pence', () => {
    expect(formatMoney(150_000, 'GBP')).toBe('£150,000');
    expect(formatMoney(12.4, 'GBP')).toBe('£12');
  });

  it('falls back to the plain number and code for a currency the browser does not know', () => {
    expect(formatMoney(1200, 'XXXX')).toBe('1,200 XXXX');
  });
});

describe('formatDate', () => {
  it('gives a calendar date in words, the same day wherever the browser is', () => {
    expect(formatDate('2027-03-31')).toBe('31 March 2027');
    expect(formatDate('2027-03-31T23:30:00+00:00')).toBe('31 March 2027');
  });

  it('keeps a value it cannot read', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});
