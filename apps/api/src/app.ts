import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import Fastify, { LogController, type FastifyHttpOptions, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, type DestinationStream, type LoggerOptions } from 'pino';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/client';
import type { AppConfig } from './env';
import authPlugin from './plugins/auth';
import dbPlugin from './plugins/db';
import errorHandler from './plugins/error-handler';
import rateLimitPlugin from './plugins/rate-limit';
import securityPlugin from './plugins/security';
import spaPlugin, { hasSpaBuild } from './plugins/spa';
import swaggerPlugin from './plugins/swagger';
import auditRoutes from './modules/audit/audit.routes';
import ballotRoutes from './modules/ballots/ballots.routes';
import paperBallotRoutes from './modules/paper-ballots/paper-ballots.routes';
import receiptRoutes from './modules/receipts/receipts.routes';
import resultRoutes from './modules/results/results.routes';
import statsRoutes from './modules/stats/stats.routes';
import implementationRoutes from './modules/implementation/implementation.routes';
import cycleRoutes from './modules/cycles/cycles.routes';
import deliberationRoutes from './modules/deliberation/deliberation.routes';
import notificationRoutes from './modules/notifications/notifications.routes';
import proposalRoutes from './modules/proposals/proposals.routes';
import reviewRoutes from './modules/reviews/reviews.routes';
import authRoutes from './modules/auth/auth.routes';
import systemRoutes from './modules/system/system.routes';
import userRoutes from './modules/users/users.routes';
import wardRoutes from './modules/wards/wards.routes';

export interface BuildAppOptions {
  config: AppConfig;
  /** An opened, migrated database. */
  database: Database;
  /** Close `database` when the app closes (the server hands it over; tests usually keep it). */
  closeDatabaseOnClose?: boolean;
  /** Sends the logs (built from config.logLevel, with redaction) to this stream instead of stdout. */
  logStream?: DestinationStream;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * One log line per request instead of Fastify's two: no "incoming request" line, and the
 * completion line names the request (method, url, remote address) beside status and time.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

export function loggerOptions(level: AppConfig['logLevel']): LoggerOptions | false {
  if (level === 'silent') return false;
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'password',
        '*.password',
        'body.password',
        'accessToken',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
  };
}

/** A hop count trusts that many proxies in front of us; strings are addresses/CIDRs. */
function trustProxyOption(value: AppConfig['trustProxy']): FastifyHttpOptions<Server>['trustProxy'] {
  if (typeof value !== 'number') return value;
  return (_address: string, hop: number) => hop < value;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  if (config.jwtSecret === undefined) throw new Error('buildApp needs config.jwtSecret (see resolveJwtSecret)');

  const serverOptions: FastifyHttpOptions<Server> = {
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(config.trustProxy),
    // Keep a load balancer's request id when it sends a sane one, so logs line up end to end.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    logController: new OneLinePerRequest(),
  };
  const logger = loggerOptions(config.logLevel);
  if (options.logStream !== undefined && logger !== false) serverOptions.loggerInstance = pino(logger, options.logStream);
  else serverOptions.logger = logger;
  const app = Fastify(serverOptions);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: anything else is a clear 415, not a string the schemas then reject.
  app.removeContentTypeParser('text/plain');
  app.decorate('config', config);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // During shutdown, requests already in flight still get their answer, but on a connection
  // that then closes, so a keep-alive client cannot hold the process open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  const spaAvailable = hasSpaBuild(config.webDist);

  await app.register(errorHandler, { spaFallback: spaAvailable });
  await app.register(dbPlugin, { database, closeOnShutdown: options.closeDatabaseOnClose ?? false });
  await app.register(securityPlugin);
  await app.register(rateLimitPlugin);
  await app.register(authPlugin, { jwtSecret: config.jwtSecret });
  await app.register(swaggerPlugin);
  if (spaAvailable) await app.register(spaPlugin, { webDist: config.webDist });

  await app.register(
    async (api) => {
      await api.register(systemRoutes);
      await api.register(authRoutes);
      await api.register(wardRoutes);
      await api.register(userRoutes);
      await api.register(auditRoutes);
      await api.register(cycleRoutes);
      await api.register(proposalRoutes);
      await api.register(deliberationRoutes);
      await api.register(reviewRoutes);
      await api.register(notificationRoutes);
      await api.register(ballotRoutes);
      await api.register(paperBallotRoutes);
      await api.register(receiptRoutes);
      await api.register(resultRoutes);
      await api.register(statsRoutes);
      await api.register(implementationRoutes);
    },
    { prefix: '/api' },
  );

  await app.ready();
  return app;
}
