import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/client';

export interface DbPluginOptions {
  database: Database;
  /** Close the database when the app closes (true when buildApp's caller hands over ownership). */
  closeOnShutdown: boolean;
}

async function dbPlugin(app: FastifyInstance, options: DbPluginOptions): Promise<void> {
  app.decorate('database', options.database);
  app.decorate('db', options.database.db);
  if (options.closeOnShutdown) {
    // Runs after Fastify has stopped accepting and finished in-flight requests.
    app.addHook('onClose', async () => {
      await options.database.close();
    });
  }
}

export default fp(dbPlugin, { name: 'db' });
