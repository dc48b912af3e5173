/**
 * Exact decimal money: `"2458488.22"` becomes digits `245848822` with 2 decimals. Costs and the
 * budget are never parsed as binary floats.
 */

export interface ParsedDecimal {
  /** All digits without the decimal point, as an integer. */
  readonly digits: bigint;
  /** Number of digits after the decimal point as written. */
  readonly decimals: number;
  readonly negative: boolean;
}

// Digits with an optional fraction; pabutools also accepts `,` as the decimal separator.
const DECIMAL = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

/** Parses a plain decimal (`12`, `200000.0`, `0,5`, `.5`). Returns undefined if it is not one. */
export function parseDecimal(text: string): ParsedDecimal | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const intPart = match[2] ?? '';
  const fracPart = match[3] ?? '';
  if (intPart === '' && fracPart === '') return undefined;
  return {
    digits: BigInt((intPart || '0') + fracPart),
    decimals: fracPart.length,
    negative: match[1] === '-',
  };
}

/** The value of `d` in units of 10^-scale (scale ≥ d.decimals). */
export function scaleDecimal(d: ParsedDecimal, scale: number): bigint {
  const value = d.digits * 10n ** BigInt(scale - d.decimals);
  return d.negative ? -value : value;
}

/**
 * Formats `units` (in 10^-scale) as a decimal string. `fixed` keeps exactly `scale` decimals
 * (what the writer needs to keep moneyScale on a round trip); otherwise trailing zeros and a
 * bare point are dropped (`"1200.5"`, `"300"`).
 */
export function formatMoney(units: bigint, scale: number, fixed = false): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  let text: string;
  if (scale === 0) {
    text = abs.toString();
  } else {
    const raw = abs.toString().padStart(scale + 1, '0');
    let int = raw.slice(0, raw.length - scale);
    let frac = raw.slice(raw.length - scale);
    if (!fixed) frac = frac.replace(/0+$/, '');
    if (int === '') int = '0';
    text = frac === '' ? int : `${int}.${frac}`;
  }
  return negative ? `-${text}` : text;
}
