/** What the database benchmarks share: their `--name=value` options and a throwaway database. */
import { createPostgresDatabase } from '../apps/api/src/db/client';

/** This run's `--name=value` options. */
export const args = new Map(
  process.argv.slice(2).flatMap((arg) => {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    return match === null ? [] : [[match[1] ?? '', match[2] ?? ''] as const];
  }),
);

/** The server the benchmark databases are created on. */
export const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on that server. */
export function urlFor(name: string): string {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server's own database, e.g. CREATE or DROP DATABASE. */
export async function adminQuery(text: string): Promise<void> {
  const admin = createPostgresDatabase({ url: BASE_URL, poolMax: 1, connectionTimeoutMs: 10_000, statementTimeoutMs: 60_000 });
  try {
    await admin.pool?.query(text);
  } finally {
    await admin.close();
  }
}
