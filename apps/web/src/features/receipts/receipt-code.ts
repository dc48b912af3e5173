import { ReceiptCode } from '@allot/shared';

/**
 * Tidies what a person typed into the receipt format: upper case, no spaces, dashes put back, and
 * the letters people confuse with digits read as the digits (Crockford base32 has no I, L or O).
 * Returns null when it still is not a receipt code.
 */
export function normaliseReceiptCode(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (compact.length !== 12) return null;
  const code = `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
  return ReceiptCode.safeParse(code).success ? code : null;
}
