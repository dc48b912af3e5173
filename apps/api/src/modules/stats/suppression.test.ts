import { describe, expect, it } from 'vitest';
import { rate, suppressBreakdown, suppressCount } from './suppression';

describe('suppressCount', () => {
  it.each([
    [0, 0],
    [1, null],
    [9, null],
    [10, 10],
    [250, 250],
  ])('publishes %i as %s', (count, expected) => {
    expect(suppressCount(count)).toBe(expected);
  });
});

describe('suppressBreakdown', () => {
  it('hides 9 online ballots and then the 12 paper ones beside a published total of 21', () => {
    expect(suppressBreakdown([9, 12], true)).toEqual([null, null]);
  });

  it('leaves a lone hidden cell alone when the total is hidden too', () => {
    expect(suppressBreakdown([3, 0], false)).toEqual([null, 0]);
  });

  it('keeps zeros as zeros and hides the smallest non-zero cell, not a zero', () => {
    expect(suppressBreakdown([0, 4, 30, 12, 0], true)).toEqual([0, null, 30, null, 0]);
  });

  it('hides nothing more when two cells are already hidden', () => {
    expect(suppressBreakdown([2, 3, 40], true)).toEqual([null, null, 40]);
  });

  it('hides nothing when every cell is zero or at least the threshold', () => {
    expect(suppressBreakdown([10, 0, 55], true)).toEqual([10, 0, 55]);
  });

  it('on a tie for the next smallest cell hides the first one', () => {
    expect(suppressBreakdown([15, 5, 15], true)).toEqual([null, null, 15]);
  });

  it('hides nothing extra when no other non-zero cell is left', () => {
    expect(suppressBreakdown([5, 0], true)).toEqual([null, 0]);
  });
});

describe('rate', () => {
  it('divides and rounds to four decimals', () => {
    expect(rate(25, 1000)).toBe(0.025);
    expect(rate(1, 3)).toBe(0.3333);
  });

  it('is null for a hidden count, an unknown population or a population of 0', () => {
    expect(rate(null, 1000)).toBeNull();
    expect(rate(12, null)).toBeNull();
    expect(rate(12, 0)).toBeNull();
  });
});
