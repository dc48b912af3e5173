import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_JWT_SECRET, type TestDatabase } from './helpers';

const apiRoot = fileURLToPath(new URL('..', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

let child: ChildProcess | undefined;
let testDb: TestDatabase | undefined;
const tempDir = mkdtempSync(path.join(tmpdir(), 'allot-shutdown-'));

afterAll(async () => {
  if (child !== undefined && child.exitCode === null) child.kill('SIGKILL');
  await testDb?.dispose();
  rmSync(tempDir, { recursive: true, force: true });
});

/** Starts `tsx src/server.ts` (the real start command) and resolves with its port. */
async function startServer(): Promise<{ port: number; exited: Promise<number | null>; output: () => string }> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WEB_DIST: path.join(tempDir, 'no-web'),
  };
  if (process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '') {
    testDb = await createTestDatabase();
    await testDb.database.close(); // the server opens its own pool
    Object.assign(env, { DATABASE_URL: testDb.url, JWT_SECRET: TEST_JWT_SECRET });
  } else {
    env.DATA_DIR = path.join(tempDir, 'pglite');
  }
  const spawned = spawn(process.execPath, [tsxCli, 'src/server.ts'], { cwd: apiRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = spawned;
  const exited = new Promise<number | null>((resolve) => spawned.on('exit', (code) => resolve(code)));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(output);
      if (match?.[1] !== undefined) resolve(Number(match[1]));
    };
    spawned.stdout.on('data', onData);
    spawned.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited early (${code}):\n${output}`)));
  });
  return { port, exited, output: () => output };
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the in-flight request, then exits 0', async () => {
    const { port, exited, output } = await startServer();
    const body = JSON.stringify({ email: 'nobody@example.test', password: 'not the password' });
    const socket = await connect(port);
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    // Send the headers and half the body, so the request is in flight when the signal arrives.
    socket.write(
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    child?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));

    await expect(connect(port)).rejects.toThrow(/ECONNREFUSED/);
    expect(child?.exitCode).toBeNull(); // still finishing our request

    socket.write(body.slice(10));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 401/);
    expect(response).toContain('"statusCode":401');
    expect(await exited, output()).toBe(0);
  }, 120_000);
});
