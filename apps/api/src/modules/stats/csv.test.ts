import { describe, expect, it } from 'vitest';
import { csvCell, fileSlug, toCsv } from './csv';
import { ageBandOf } from './age-bands';

describe('fileSlug', () => {
  it('keeps lower-case ASCII letters and digits, drops accents and joins the rest with single dashes', () => {
    expect(fileSlug('Riverside 2027', 'cycle')).toBe('riverside-2027');
    expect(fileSlug('Crème Brûlée Ward', 'cycle')).toBe('creme-brulee-ward');
    expect(fileSlug('  --Éast / Wést--  ', 'pot')).toBe('east-west');
  });

  it('cuts at 60 characters and falls back when nothing is left', () => {
    expect(fileSlug('a'.repeat(80), 'cycle')).toBe('a'.repeat(60));
    expect(fileSlug('«»', 'cycle')).toBe('cycle');
    expect(fileSlug('', 'pot')).toBe('pot');
  });
});

describe('csvCell', () => {
  it('writes numbers and plain text as they are', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(0.1234)).toBe('0.1234');
    expect(csvCell('Riverside East')).toBe('Riverside East');
    expect(csvCell(null)).toBe('');
  });

  it('quotes cells holding a comma, a quote or a line break', () => {
    expect(csvCell('Benches, bins')).toBe('"Benches, bins"');
    expect(csvCell('The "big" park')).toBe('"The ""big"" park"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '=HYPERLINK("http://x","y")'])('keeps %j from running as a formula', (value) => {
    const cell = csvCell(value);
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });
});

describe('toCsv', () => {
  it('starts with a byte order mark and ends every line with CRLF', () => {
    expect(toCsv([['a', 1], ['b', null]])).toBe('\uFEFFa,1\r\nb,\r\n');
  });
});

describe('ageBandOf', () => {
  it.each([
    [2010, 'under-18'],
    [2009, '18-24'],
    [2003, '18-24'],
    [2002, '25-34'],
    [1983, '35-44'],
    [1963, '55-64'],
    [1953, '65-74'],
    [1952, '75-plus'],
    [null, 'not-given'],
  ] as const)('puts someone born in %s in %s in 2027', (birthYear, band) => {
    expect(ageBandOf(birthYear, 2027)).toBe(band);
  });
});
