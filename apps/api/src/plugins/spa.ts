import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface SpaPluginOptions {
  webDist: string;
}

export function hasSpaBuild(webDist: string): boolean {
  return existsSync(path.join(webDist, 'index.html'));
}

/** True for requests the SPA should answer with index.html (client-side routes). */
export function wantsSpaFallback(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0] ?? '';
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    pathname !== '/api' &&
    !pathname.startsWith('/api/') &&
    !path.extname(pathname)
  );
}

export function sendSpaIndex(reply: FastifyReply): FastifyReply {
  reply.header('cache-control', 'no-cache');
  return reply.sendFile('index.html');
}

/** Serves the built SPA; hashed assets are cached for a year, everything else revalidates. */
async function spaPlugin(app: FastifyInstance, options: SpaPluginOptions): Promise<void> {
  await app.register(fastifyStatic, {
    root: options.webDist,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders(reply, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

export default fp(spaPlugin, { name: 'spa' });
