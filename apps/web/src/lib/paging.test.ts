import { describe, expect, it } from 'vitest';
import { offsetIn, pageHref } from './paging';

describe('offsetIn', () => {
  it('reads a positive whole offset from the address', () => {
    expect(offsetIn(new URLSearchParams('q=bench&offset=40'))).toBe(40);
  });

  it('treats a missing, zero, negative, fractional or non-numeric offset as the first page', () => {
    for (const search of ['', 'offset=0', 'offset=-20', 'offset=2.5', 'offset=abc', 'offset=']) {
      expect(offsetIn(new URLSearchParams(search)), search).toBe(0);
    }
  });
});

describe('pageHref', () => {
  it('keeps the other parameters and sets the offset', () => {
    expect(pageHref(new URLSearchParams('status=feasible&offset=20'), 40)).toBe('?status=feasible&offset=40');
  });

  it('drops the offset for the first page', () => {
    expect(pageHref(new URLSearchParams('status=feasible&offset=20'), 0)).toBe('?status=feasible');
    expect(pageHref(new URLSearchParams('offset=20'), 0)).toBe('?');
  });

  it('does not change the parameters it was given', () => {
    const params = new URLSearchParams('offset=20');
    pageHref(params, 40);
    expect(params.toString()).toBe('offset=20');
  });
});
