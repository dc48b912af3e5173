/**
 * The typed errors services throw. The error handler (plugins/error-handler.ts) turns each into
 * the one error envelope; anything else becomes a 500 that never shows internals.
 */
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400 for input that passed the schema but is still wrong (e.g. an unknown ward id). */
export class ValidationError extends AppError {
  constructor(message: string, issues?: FieldIssue[]) {
    super(400, message, issues);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in to continue') {
    super(401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this') {
    super(403, message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super(404, message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, issues?: FieldIssue[]) {
    super(409, message, issues);
  }
}

/** 422: a business rule refuses the action (wrong phase, over budget, last admin…). */
export class RuleViolationError extends AppError {
  constructor(message: string, issues?: FieldIssue[]) {
    super(422, message, issues);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'The service is busy or unavailable; try again shortly') {
    super(503, message);
  }
}

/** PostgreSQL error codes the services translate into typed errors. */
export const PgCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  queryCanceled: '57014',
} as const;

interface PgLikeError {
  code?: unknown;
  constraint?: unknown;
}

/** Finds a PostgreSQL error inside drizzle's wrapping (drizzle puts the driver error in `cause`). */
export function pgErrorOf(error: unknown): { code: string; constraint: string | undefined } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as PgLikeError;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        constraint: typeof candidate.constraint === 'string' ? candidate.constraint : undefined,
      };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isPgError(error: unknown, code: string, constraint?: string): boolean {
  const pgError = pgErrorOf(error);
  return pgError !== undefined && pgError.code === code && (constraint === undefined || pgError.constraint === constraint);
}
