import { z } from 'zod';

/** The one error envelope every API error is answered with. */
export const ErrorEnvelope = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  requestId: z.string(),
  issues: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('Field-level problems, when the request failed validation'),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
