/**
 * Admin CLI: `pnpm admin <command> [options]` on the configured database (DATABASE_URL, or the
 * embedded PGlite in DATA_DIR — stop the server first, PGlite allows one process at a time).
 * Role changes go through the same service as the API: audited (actor "cli") and they sign the
 * account out everywhere. Commands live in admin-commands.ts.
 */
import { openDatabase } from '../bootstrap';
import { DataDirInUseError } from '../db/client';
import { ConfigError, loadConfig } from '../env';
import { AppError } from '../errors';
import { runAdminCommand, usage, UsageError } from './admin-commands';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(usage);
    return command === undefined ? 1 : 0;
  }
  const config = loadConfig(process.env, { requireJwtSecret: false });
  const database = await openDatabase(config);
  try {
    await runAdminCommand(database.db, command, args);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
    else if (error instanceof AppError || error instanceof ConfigError || error instanceof DataDirInUseError) console.error(error.message);
    else if (error instanceof Error && error.name === 'ZodError') console.error(`Invalid value: ${error.message}`);
    else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) console.error(`${error.message}\n\n${usage}`);
    else console.error(error);
    process.exit(1);
  },
);
