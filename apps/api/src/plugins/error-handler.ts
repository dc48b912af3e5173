import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorEnvelope } from '@allot/shared';
import { AppError, isPgError, PgCode, pgErrorOf, type FieldIssue } from '../errors';
import { sendSpaIndex, wantsSpaFallback } from './spa';

function envelope(request: FastifyRequest, statusCode: number, message: string, issues?: FieldIssue[]): ErrorEnvelope {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    requestId: String(request.id),
    ...(issues !== undefined && issues.length > 0 ? { issues } : {}),
  };
}

interface ZodIssueLike {
  instancePath: string;
  message: string;
  keyword: string;
  params: { keys?: unknown };
}

/** Turns schema validation issues into `{path, message}` using dotted field paths. */
function validationIssues(validation: readonly ZodIssueLike[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of validation) {
    const base = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      for (const key of issue.params.keys) {
        issues.push({ path: base ? `${base}.${String(key)}` : String(key), message: 'This field is not allowed' });
      }
    } else {
      const missing = issue.keyword === 'invalid_type' && /received undefined$/.test(issue.message);
      issues.push({ path: base, message: missing ? 'This field is required' : issue.message });
    }
  }
  return issues;
}

const validationPart: Record<string, string> = {
  body: 'request body',
  querystring: 'query string',
  params: 'path',
  headers: 'headers',
};

/** True for the errors that mean "the database is out of reach or saturated", never a bug. */
function isDatabaseUnavailable(error: Error): boolean {
  const pgError = pgErrorOf(error);
  if (pgError?.code === PgCode.queryCanceled) return true;
  if (pgError !== undefined && /^(08|53|57P)/.test(pgError.code)) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (/timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|Cannot use a pool after calling end/i.test(current.message)) {
      return true;
    }
    const code = (current as { code?: unknown }).code;
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: FastifyError | Error): FastifyReply {
  if (error instanceof AppError) {
    if (error.statusCode >= 500) request.log.warn({ err: error }, error.message);
    return reply.code(error.statusCode).send(envelope(request, error.statusCode, error.message, error.issues));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = validationPart[(error as FastifyError).validationContext ?? 'body'] ?? 'request';
    return reply
      .code(400)
      .send(envelope(request, 400, `The ${part} is not valid`, validationIssues(error.validation as ZodIssueLike[])));
  }
  if (isPgError(error, PgCode.checkViolation, 'cycles_ballot_frozen')) {
    // Raised by the cycles trigger (migration 0005) when ballot/tally rules change after the first ballot.
    return reply.code(409).send(envelope(request, 409, 'The ballot and tally rules are frozen: this cycle already holds ballots'));
  }
  if (isDatabaseUnavailable(error)) {
    request.log.error({ err: error }, 'database unavailable');
    reply.header('retry-after', '5');
    return reply.code(503).send(envelope(request, 503, 'The service is busy or unavailable; try again shortly'));
  }
  const statusCode = (error as FastifyError).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    // Fastify's own client errors (bad JSON, body too large, wrong media type, rate limit) carry safe messages.
    const message = statusCode === 413 ? 'The request body is too large' : error.message;
    return reply.code(statusCode).send(envelope(request, statusCode, message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.code(500).send(envelope(request, 500, 'Something went wrong on our side. Try again later.'));
}

export interface ErrorHandlerOptions {
  /** When the SPA is served, unknown non-API GETs get its index.html (client-side routes). */
  spaFallback: boolean;
}

async function errorHandlerPlugin(app: FastifyInstance, options: ErrorHandlerOptions): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) => {
    if (options.spaFallback && wantsSpaFallback(request)) return sendSpaIndex(reply);
    return reply.code(404).send(envelope(request, 404, `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
}

export default fp(errorHandlerPlugin, { name: 'error-handler' });
