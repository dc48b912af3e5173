/**
 * Small exact-arithmetic helpers on bigint. Rules keep exact values as bigint numerators over a
 * shared bigint denominator; these helpers convert such values for display and for float filters.
 */

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

export function gcdNumber(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/** Number of bits of a non-negative bigint (0 for 0n). */
export function bitLength(x: bigint): number {
  if (x === 0n) return 0;
  const hex = x.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0] ?? '0', 16)));
}

/**
 * A float close to num/den (relative error about 2^-52) even when both are far beyond 2^1024.
 * Pass the shift of the denominator from `floatShift` to avoid recomputing it for every value.
 */
export function ratioToFloat(num: bigint, den: bigint, shift = floatShift(den)): number {
  if (shift === 0) return Number(num) / Number(den);
  const big = BigInt(shift);
  return Number(num >> big) / Number(den >> big);
}

/** How many low bits to drop from values over `den` so that both fit a float comfortably. */
export function floatShift(den: bigint): number {
  const bits = bitLength(den);
  return bits > 900 ? bits - 900 : 0;
}

/** A reduced fraction `p/q` (or `p`) of num/den. */
export function formatFraction(num: bigint, den: bigint): string {
  const g = gcd(num, den);
  const p = g === 0n ? num : num / g;
  const q = g === 0n ? den : den / g;
  return q === 1n ? p.toString() : `${p}/${q}`;
}

/**
 * num/den as a decimal string rounded half-up to `decimals` places, trailing zeros dropped
 * (non-negative values only).
 */
export function formatDecimal(num: bigint, den: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = (num * scale * 2n + den) / (den * 2n);
  if (decimals === 0) return scaled.toString();
  const digits = scaled.toString().padStart(decimals + 1, '0');
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return text.replace(/\.?0+$/, '');
}
