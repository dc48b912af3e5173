import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Rate limiting is opt-in per route (`config: { rateLimit: { max, timeWindow } }`); the auth
 * routes use it. Counters are per client IP and per process (behind a load balancer set
 * TRUST_PROXY so the client address is the real one).
 */
async function rateLimitPlugin(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      // Thrown by the plugin and shaped into the error envelope by the error handler.
      return Object.assign(new Error(`Too many attempts; try again in ${seconds} seconds`), {
        statusCode: context.statusCode,
      });
    },
  });
}

export default fp(rateLimitPlugin, { name: 'rate-limit' });
