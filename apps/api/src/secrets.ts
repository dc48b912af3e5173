import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type AppConfig } from './env';

export const JWT_SECRET_FILE = 'allot-jwt-secret';

/**
 * The JWT signing secret: JWT_SECRET when given (required with DATABASE_URL). In embedded
 * mode without one, a random secret is generated on first run and kept in DATA_DIR (mode
 * 0600), so sessions survive restarts and no secret ever lives in the repository.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.jwtSecret !== undefined) return config.jwtSecret;
  if (config.databaseUrl !== undefined) {
    throw new ConfigError('JWT_SECRET is required (at least 32 characters) when DATABASE_URL is set');
  }
  return secretInDataDir(config, JWT_SECRET_FILE);
}

export const BALLOT_SECRET_FILE = 'allot-ballot-secret';

/**
 * The ballot secret keys voter tokens (HMAC of cycle + user): every API instance must share it.
 * Changing it during a vote means residents can no longer see or replace their ballot (a re-cast
 * is refused, never counted twice).
 * BALLOT_SECRET when given (required in production with DATABASE_URL). Embedded mode keeps a
 * generated one in DATA_DIR, like the JWT secret. A non-production DATABASE_URL without one
 * derives it from JWT_SECRET, which every instance already shares.
 */
export function resolveBallotSecret(config: AppConfig): string {
  if (config.ballotSecret !== undefined) return config.ballotSecret;
  if (config.databaseUrl !== undefined) {
    if (config.nodeEnv === 'production' || config.jwtSecret === undefined) {
      throw new ConfigError('BALLOT_SECRET is required (at least 32 characters) in production with DATABASE_URL');
    }
    return createHmac('sha256', config.jwtSecret).update('allot ballot secret v1').digest('base64url');
  }
  return secretInDataDir(config, BALLOT_SECRET_FILE);
}

/** The secret kept in DATA_DIR under `name`, made at random (mode 0600) the first time it is asked for. */
function secretInDataDir(config: AppConfig, name: string): string {
  const file = path.join(config.dataDir, name);
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new ConfigError(`${file} holds a secret shorter than 32 characters; delete it to regenerate`);
  return secret;
}
