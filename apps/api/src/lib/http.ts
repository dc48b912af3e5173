import { ErrorEnvelope } from '@allot/shared';

/** Response schemas for the error statuses a route documents (all share the one envelope). */
export function errorResponses<const S extends readonly number[]>(...statuses: S): { [K in S[number]]: typeof ErrorEnvelope } {
  return Object.fromEntries(statuses.map((status) => [status, ErrorEnvelope])) as { [K in S[number]]: typeof ErrorEnvelope };
}
