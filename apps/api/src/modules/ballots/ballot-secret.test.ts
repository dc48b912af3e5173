import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../env';
import { BALLOT_SECRET_FILE, resolveBallotSecret } from '../../secrets';
import { canonicalSelections, contentHash, seal, unseal, voterToken } from './ballot-crypto';

const jwt = 'j'.repeat(40);
const ballot = 'b'.repeat(40);

describe('the ballot secret', () => {
  it('is required in production with a real database, and must be long enough', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/allot', JWT_SECRET: jwt })).toThrow(/BALLOT_SECRET/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/allot', JWT_SECRET: jwt, BALLOT_SECRET: 'short' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/allot', JWT_SECRET: jwt, BALLOT_SECRET: ballot }).ballotSecret).toBe(ballot);
  });

  it('is generated once and kept in the data folder in embedded mode', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'allot-ballot-'));
    try {
      const config = { ...loadConfig({ DATA_DIR: dataDir }), jwtSecret: jwt };
      const first = resolveBallotSecret(config);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(resolveBallotSecret(config)).toBe(first);
      expect(readFileSync(path.join(dataDir, BALLOT_SECRET_FILE), 'utf8')).toBe(first);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('is shared by every instance of a non-production deployment (derived from JWT_SECRET when unset)', () => {
    const config = { ...loadConfig({ DATABASE_URL: 'postgres://db/allot', JWT_SECRET: jwt }), jwtSecret: jwt };
    expect(resolveBallotSecret(config)).toBe(resolveBallotSecret({ ...config }));
    expect(resolveBallotSecret(config)).not.toBe(jwt);
  });
});

describe('ballot crypto', () => {
  it('keys voter tokens by secret, cycle and user', () => {
    const token = voterToken(ballot, 'c1', 'u1');
    expect(voterToken(ballot, 'c1', 'u1')).toBe(token);
    expect(voterToken(ballot, 'c2', 'u1')).not.toBe(token);
    expect(voterToken(jwt, 'c1', 'u1')).not.toBe(token);
    expect(token).not.toContain('u1');
  });

  it('hashes the same choices the same way whatever their order, except a ranking', () => {
    const a = canonicalSelections([{ potId: 'p2', projects: ['y', 'x'] }, { potId: 'p1', points: { b: 1, a: 2 } }]);
    const b = canonicalSelections([{ potId: 'p1', points: { a: 2, b: 1 } }, { potId: 'p2', projects: ['x', 'y'] }]);
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(canonicalSelections([{ potId: 'p', ranking: ['x', 'y'] }]))).not.toBe(
      contentHash(canonicalSelections([{ potId: 'p', ranking: ['y', 'x'] }])),
    );
  });

  it('seals idempotent answers so only the secret opens them', () => {
    const sealed = seal(ballot, { castAt: '2027-05-03T10:00:00.000Z' });
    expect(sealed).not.toContain('2027');
    expect(unseal(ballot, sealed)).toEqual({ castAt: '2027-05-03T10:00:00.000Z' });
    expect(() => unseal(jwt, sealed)).toThrow();
  });
});
