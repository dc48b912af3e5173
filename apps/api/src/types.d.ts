import type { Role } from '@allot/shared';
import type { AppConfig } from './env';
import type { Database, Db } from './db/client';

/** Who is calling, established by the auth hooks from a verified access token. */
export interface Principal {
  userId: string;
  roles: Role[];
  /** The sign-in (session family) the access token belongs to. */
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    database: Database;
    db: Db;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
