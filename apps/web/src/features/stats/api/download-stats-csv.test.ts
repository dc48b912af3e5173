import { describe, expect, it } from 'vitest';
import { fileNameFrom, statsCsvPath } from './download-stats-csv';

describe('ward CSV download', () => {
  it('asks for one ward’s figures', () => {
    expect(statsCsvPath('c 1', 'w/1')).toBe('/api/cycles/c%201/stats.csv?ward=w%2F1');
  });

  it('takes the file name the server suggests, when it is a plain one', () => {
    expect(fileNameFrom('attachment; filename="allot-stats-play-spaces-oh.csv"')).toBe('allot-stats-play-spaces-oh.csv');
    expect(fileNameFrom('attachment; filename=figures.csv')).toBe('figures.csv');
    expect(fileNameFrom('attachment; filename="../../etc/passwd"')).toBeNull();
    expect(fileNameFrom('attachment')).toBeNull();
    expect(fileNameFrom(null)).toBeNull();
  });
});
