/** Minimal exact non-negative-denominator rationals over bigint for the non-MES rules. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Ratio = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function ratio(n: bigint, d: bigint): Ratio {
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export function add(a: Ratio, b: Ratio): Ratio {
  return a.d === b.d ? ratio(a.n + b.n, a.d) : ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Ratio, b: Ratio): Ratio {
  return add(a, { n: -b.n, d: b.d });
}

export function mulInt(a: Ratio, k: bigint): Ratio {
  return ratio(a.n * k, a.d);
}

export function compare(a: Ratio, b: Ratio): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * `value / 10^scale` as a decimal string with `digits` decimals (rounded half up), for
 * explanations only — decisions always use the exact value.
 */
export function formatRatio(value: Ratio, scale: number, digits: number): string {
  const num = value.n * 10n ** BigInt(digits);
  const den = value.d * 10n ** BigInt(scale);
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (abs * 2n + den) / (2n * den);
  const text = q.toString().padStart(digits + 1, '0');
  const out = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative && q !== 0n ? `-${out}` : out;
}
