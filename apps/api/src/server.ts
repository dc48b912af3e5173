import { bootstrap } from './bootstrap';
import { DataDirInUseError } from './db/client';
import { ConfigError, loadConfig } from './env';
import { demoAccounts } from './seed/demo';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, demoSeeded } = await bootstrap(config);

  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // close(): stop accepting, wait for in-flight requests, then onClose hooks close the database.
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  const address = await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${new URL(address).port}`;
  const lines = [
    '',
    `Allot is running at ${url}  (API docs: ${url}/api/docs)`,
    config.databaseUrl === undefined ? `Embedded database (PGlite) in ${config.dataDir}` : 'Database: PostgreSQL (DATABASE_URL)',
  ];
  if (demoSeeded) {
    lines.push('Demo accounts (password: ' + config.demoPassword + '):');
    for (const account of demoAccounts) lines.push(`  ${account.roles.join(', ').padEnd(11)} ${account.email}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) console.error(error.message);
  else console.error('Allot failed to start:', error);
  process.exit(1);
});
