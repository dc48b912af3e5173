import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';

/** The repository root, two levels above apps/api. Defaults for data and the SPA hang off it. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: optionalNonEmpty.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }).optional(),
  ),
  DATA_DIR: optionalNonEmpty,
  JWT_SECRET: optionalNonEmpty.pipe(
    z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  ),
  BALLOT_SECRET: optionalNonEmpty.pipe(z.string().min(32, 'BALLOT_SECRET must be at least 32 characters').optional()),
  DEMO_PASSWORD: z.string().min(8).max(128).default('allot-demo-2026'),
  SEED_DEMO: booleanString.optional(),
  WEB_DIST: optionalNonEmpty,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: booleanString.optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  DB_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(1).default(5000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).default(15000),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value): boolean | number | string => {
      if (value === undefined || value === '' || value === 'false') return false;
      if (value === 'true') return true;
      if (/^\d+$/.test(value)) return Number(value);
      return value; // comma-separated addresses or CIDRs
    }),
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(20),
  AUTH_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
});

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Real PostgreSQL when set; embedded PGlite in `dataDir` otherwise. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Undefined only in embedded mode before `resolveJwtSecret` has generated one. */
  jwtSecret: string | undefined;
  /** Keys voter tokens (and seals idempotent answers); undefined until `resolveBallotSecret` (see secrets.ts). */
  ballotSecret: string | undefined;
  demoPassword: string;
  /** Seed the demo council: always in embedded mode, only on request against a real database. */
  seedDemo: boolean;
  webDist: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  cookieSecure: boolean;
  dbPoolMax: number;
  dbConnectionTimeoutMs: number;
  dbStatementTimeoutMs: number;
  trustProxy: boolean | number | string;
  authRateLimit: { max: number; windowMs: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once; throws a ConfigError listing every bad variable.
 * The admin CLI passes `requireJwtSecret: false` because it signs no tokens.
 */
export function loadConfig(
  source: NodeJS.ProcessEnv = process.env,
  options: { requireJwtSecret?: boolean } = {},
): AppConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if ((options.requireJwtSecret ?? true) && env.DATABASE_URL !== undefined && env.JWT_SECRET === undefined) {
    throw new ConfigError(
      'Invalid environment:\n  JWT_SECRET: required (at least 32 characters) when DATABASE_URL is set',
    );
  }
  if ((options.requireJwtSecret ?? true) && env.DATABASE_URL !== undefined && env.NODE_ENV === 'production' && env.BALLOT_SECRET === undefined) {
    throw new ConfigError('Invalid environment:\n  BALLOT_SECRET: required (at least 32 characters) in production with DATABASE_URL');
  }
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data', 'pglite')),
    jwtSecret: env.JWT_SECRET,
    ballotSecret: env.BALLOT_SECRET,
    demoPassword: env.DEMO_PASSWORD,
    seedDemo: env.DATABASE_URL === undefined ? true : env.SEED_DEMO === true,
    webDist: path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'apps', 'web', 'dist')),
    logLevel: env.LOG_LEVEL,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    dbPoolMax: env.DB_POOL_MAX,
    dbConnectionTimeoutMs: env.DB_CONNECTION_TIMEOUT_MS,
    dbStatementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    trustProxy: env.TRUST_PROXY,
    authRateLimit: { max: env.AUTH_RATE_LIMIT_MAX, windowMs: env.AUTH_RATE_LIMIT_WINDOW_MS },
  };
}
