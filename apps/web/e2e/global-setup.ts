import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { DEMO_PASSWORD } from './demo';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the running server, e.g. http://127.0.0.1:41234; empty when browser tests are skipped. */
    baseUrl: string;
    chromiumPath: string;
    /** Why the browser tests cannot run here; empty when they can. */
    skipReason: string;
  }
}

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = path.resolve(webRoot, '../..');

/**
 * `vite build` in its own process: vitest sets NODE_ENV=test, which an in-process build would honour
 * and bundle React's development build. The tests must exercise what production serves.
 */
function buildSpa(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(webRoot, 'node_modules/.bin/vite'),
      ['build', '--outDir', outDir, '--emptyOutDir', '--sourcemap', 'false', '--logLevel', 'warn'],
      { cwd: webRoot, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed with code ${code}:\n${output}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh database on the same server as DATABASE_URL, dropped again at the end of the run. */
async function createTestDatabase(databaseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `allot_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function waitForReady(baseUrl: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The API server exited with code ${server.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/api/ready`);
      if (response.ok) return;
      lastProblem = `GET /api/ready answered ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API server was not ready after ${timeoutMs / 1000}s (${lastProblem})`);
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  project.provide('chromiumPath', chromiumPath);
  if (!existsSync(chromiumPath)) {
    const reason = `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH or run: apt-get install -y chromium)`;
    if (process.env.CI === 'true') throw new Error(`Browser tests cannot run in CI: ${reason}`);
    console.warn(`[web e2e] Skipping the browser tests: ${reason}`);
    project.provide('baseUrl', '');
    project.provide('skipReason', reason);
    return async () => {};
  }
  project.provide('skipReason', '');

  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error('[web e2e] cleanup step failed:', error);
      }
    }
  };

  try {
    const workDir = await mkdtemp(path.join(tmpdir(), 'allot-web-e2e-'));
    cleanups.push(() => rm(workDir, { recursive: true, force: true }));
    const distDir = path.join(workDir, 'dist');
    await buildSpa(distDir);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      WEB_DIST: distDir,
      DEMO_PASSWORD,
      SEED_DEMO: 'true',
      JWT_SECRET: randomBytes(32).toString('hex'),
      BALLOT_SECRET: randomBytes(32).toString('hex'),
      // Plain http on localhost: a Secure cookie would still work in Chromium, but say what we mean.
      COOKIE_SECURE: 'false',
      // Every test signs in and out many times from one address.
      AUTH_RATE_LIMIT_MAX: '10000',
      LOG_LEVEL: process.env.E2E_SERVER_LOG ? 'info' : 'warn',
    };
    if (process.env.DATABASE_URL) {
      const database = await createTestDatabase(process.env.DATABASE_URL);
      cleanups.push(database.drop);
      env.DATABASE_URL = database.url;
      delete env.DATA_DIR;
    } else {
      env.DATA_DIR = path.join(workDir, 'data');
    }

    const port = await freePort();
    env.PORT = String(port);
    const baseUrl = `http://127.0.0.1:${port}`;
    const server = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['apps/api/src/server.ts'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => stopServer(server));
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (process.env.E2E_SERVER_LOG) process.stderr.write(chunk);
    };
    server.stdout?.on('data', collect);
    server.stderr?.on('data', collect);

    try {
      await waitForReady(baseUrl, server, 90_000);
    } catch (error) {
      console.error(`[web e2e] API server output:\n${output}`);
      throw error;
    }
    project.provide('baseUrl', baseUrl);
    return cleanup;
  } catch (error) {
    await cleanup();
    throw error;
  }
}
