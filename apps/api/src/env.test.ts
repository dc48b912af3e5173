import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env';

const secret = 'a'.repeat(32);

describe('loadConfig', () => {
  it('runs embedded with demo seeding and no secret required when DATABASE_URL is unset', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.dataDir).toMatch(/\.data[/\\]pglite$/);
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.demoPassword).toBe('allot-demo-2026');
  });

  it('requires a JWT_SECRET of at least 32 characters with a real DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/allot' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/allot', JWT_SECRET: 'too-short' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/allot', JWT_SECRET: secret }).jwtSecret).toBe(secret);
  });

  it('never seeds a real database unless SEED_DEMO=true', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/allot', JWT_SECRET: secret }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/allot', JWT_SECRET: secret, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('makes cookies Secure by default in production only', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('lists every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x/y', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });

  it('reads TRUST_PROXY as a flag, a hop count or addresses', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});
