import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { WardList } from '@allot/shared';
import { bootstrap } from '../src/bootstrap';
import { loadConfig } from '../src/env';
import { JWT_SECRET_FILE } from '../src/secrets';
import { demoAccounts } from '../src/seed/demo';

// The one-command demo path: no DATABASE_URL, a fresh DATA_DIR, PGlite on disk.
const dataDir = mkdtempSync(path.join(tmpdir(), 'allot-embedded-'));
const webDist = path.join(dataDir, 'web-dist');
mkdirSync(path.join(webDist, 'assets'), { recursive: true });
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Allot SPA</title><script type="module" src="/assets/app.js"></script>');
writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log("spa")');

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const config = loadConfig({
  DATA_DIR: path.join(dataDir, 'pglite'),
  WEB_DIST: webDist,
  LOG_LEVEL: 'silent',
  DEMO_PASSWORD: 'demo-pass-for-tests',
});

describe('embedded mode (no DATABASE_URL)', () => {
  let firstAccessToken = '';
  let firstWardCount = 0;
  let firstUserCount = 0;

  it('boots on PGlite, migrates, seeds the demo council and lets every demo account sign in', async () => {
    const { app, demoSeeded } = await bootstrap(config);
    try {
      expect(demoSeeded).toBe(true);
      const http = supertest(app.server);
      expect((await http.get('/api/ready')).body).toEqual({ status: 'ready', database: 'pglite' });
      const wards = WardList.parse((await http.get('/api/wards')).body).wards;
      expect(wards.length).toBeGreaterThanOrEqual(5);
      expect(wards.every((ward) => ward.population > 0)).toBe(true);
      firstWardCount = wards.length;
      for (const account of demoAccounts) {
        const login = await http.post('/api/auth/login').send({ email: account.email, password: 'demo-pass-for-tests' });
        expect(login.status).toBe(200);
        expect(login.body.user.roles).toEqual(account.roles);
        if (account.roles.includes('councillor')) expect(login.body.user.councillorWardIds).toHaveLength(1);
        if (account.roles.includes('resident')) expect(login.body.user.homeWardId).not.toBeNull();
        if (account.roles.includes('admin')) firstAccessToken = login.body.accessToken as string;
      }
      firstUserCount = (await http.get('/api/users').set('authorization', `Bearer ${firstAccessToken}`)).body.total as number;
      expect(firstUserCount).toBeGreaterThanOrEqual(demoAccounts.length);
      // A second process (e.g. the admin CLI) may not open the folder while the server has it.
      await expect(bootstrap(config)).rejects.toThrow(/in use by process/);
      const secretFile = path.join(config.dataDir, JWT_SECRET_FILE);
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    } finally {
      await app.close();
    }
  }, 90_000);

  it('restarts on the same folder without reseeding, keeps sessions valid and serves the SPA', async () => {
    const { app } = await bootstrap(config);
    try {
      const http = supertest(app.server);
      expect(WardList.parse((await http.get('/api/wards')).body).wards).toHaveLength(firstWardCount);
      const users = await http.get('/api/users').set('authorization', `Bearer ${firstAccessToken}`);
      expect(users.status).toBe(200);
      expect(users.body.total).toBe(firstUserCount);

      // The built SPA, with a fallback to index.html for client routes but never for /api.
      const index = await http.get('/');
      expect(index.status).toBe(200);
      expect(index.text).toContain('Allot SPA');
      expect(index.headers['content-security-policy']).toContain("script-src 'self'");
      const deepLink = await http.get('/cycles/42/proposals');
      expect(deepLink.status).toBe(200);
      expect(deepLink.text).toContain('Allot SPA');
      const asset = await http.get('/assets/app.js');
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      const apiMiss = await http.get('/api/not-a-route');
      expect(apiMiss.status).toBe(404);
      expect(apiMiss.body.statusCode).toBe(404);
      expect((await http.get('/missing.png')).status).toBe(404);
    } finally {
      await app.close();
    }
  }, 90_000);
});
