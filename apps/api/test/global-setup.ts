import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPostgresDatabase } from '../src/db/client';
import { databaseUrlFor } from './database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Name of the migrated template database, or '' when tests run on in-memory PGlite. */
    templateDatabase: string;
  }
}

/**
 * With DATABASE_URL set, migrates one template database per run; every test file then
 * clones it (CREATE DATABASE … TEMPLATE …), which takes milliseconds. Without DATABASE_URL
 * there is nothing to share: each file migrates its own in-memory PGlite.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl === undefined || baseUrl === '') {
    console.log('[api tests] DATABASE_URL is unset: each test file runs on an in-memory PGlite');
    project.provide('templateDatabase', '');
    return undefined;
  }
  const name = `allot_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const template = createPostgresDatabase({
    url: databaseUrlFor(baseUrl, name),
    poolMax: 1,
    connectionTimeoutMs: 10_000,
    statementTimeoutMs: 60_000,
  });
  try {
    await template.migrate();
  } finally {
    await template.close();
  }
  project.provide('templateDatabase', name);
  return async () => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}
