import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';

describe('formatMoney', () => {
  it('shows whole currency units without pence', () => {
    expect(formatMoney(150_000, 'GBP')).toBe('£150,000');
    expect(formatMoney(12.4, 'GBP')).toBe('£12');
  });

  it('falls back to the plain number and code for a currency the browser does not know', () => {
    expect(formatMoney(1200, 'XXXX')).toBe('1,200 XXXX');
  });
});
