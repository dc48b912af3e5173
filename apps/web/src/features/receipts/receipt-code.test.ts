import { describe, expect, it } from 'vitest';
import { normaliseReceiptCode } from './receipt-code';

describe('receipt codes typed by a person', () => {
  it('accepts a code typed in lower case, with spaces or without dashes', () => {
    expect(normaliseReceiptCode(' k7qm-3xpa-9d2f ')).toBe('K7QM-3XPA-9D2F');
    expect(normaliseReceiptCode('K7QM 3XPA 9D2F')).toBe('K7QM-3XPA-9D2F');
    expect(normaliseReceiptCode('k7qm3xpa9d2f')).toBe('K7QM-3XPA-9D2F');
  });

  it('reads the letters O, I and L as the digits they look like', () => {
    expect(normaliseReceiptCode('OOOO-IIII-LLLL')).toBe('0000-1111-1111');
  });

  it('refuses text that is not a receipt code', () => {
    expect(normaliseReceiptCode('')).toBeNull();
    expect(normaliseReceiptCode('K7QM-3XPA')).toBeNull();
    expect(normaliseReceiptCode('K7QM-3XPA-9D2U')).toBeNull();
  });
});
