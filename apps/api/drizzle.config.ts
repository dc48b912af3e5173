import { defineConfig } from 'drizzle-kit';

// `pnpm db:generate` writes SQL into the repository-level migrations/ folder;
// the app applies it at start-up (src/db/migrate.ts) for both PostgreSQL and PGlite.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: '../../migrations',
  strict: true,
  verbose: true,
});
