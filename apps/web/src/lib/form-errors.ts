import type { z } from 'zod';
import { ApiError } from './api-client';

/** Problems found in a form: one message per field, plus messages that belong to no field. */
export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, string>>;
  general: string[];
}

export const NO_ERRORS: FormErrors<never> = { fields: {}, general: [] };

export function hasErrors(errors: FormErrors<string>): boolean {
  return errors.general.length > 0 || Object.keys(errors.fields).length > 0;
}

/**
 * Turn a server issue path into a form field name. Servers spell paths several ways
 * ("email", "body.email", "/body/email", "body/email"), so take the last segment.
 */
export function fieldFromIssuePath(path: string): string {
  const segments = path.split(/[./]/).filter((segment) => segment !== '');
  return segments.at(-1) ?? '';
}

/** Keep the first message per field: it is the one to fix first. */
function addFieldError<Field extends string>(
  errors: FormErrors<Field>,
  fields: readonly Field[],
  name: string,
  message: string,
): void {
  const field = fields.find((candidate) => candidate === name);
  if (field === undefined) {
    if (!errors.general.includes(message)) errors.general.push(message);
  } else if (errors.fields[field] === undefined) {
    errors.fields[field] = message;
  }
}

/** Map a zod validation result to form errors, letting the form reword technical messages. */
export function errorsFromZod<Field extends string>(
  error: z.ZodError,
  fields: readonly Field[],
  reword: (field: Field, issue: z.core.$ZodIssue) => string | undefined = () => undefined,
): FormErrors<Field> {
  const errors: FormErrors<Field> = { fields: {}, general: [] };
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '');
    const field = fields.find((candidate) => candidate === name);
    const message = (field !== undefined ? reword(field, issue) : undefined) ?? issue.message;
    addFieldError(errors, fields, name, message);
  }
  return errors;
}

/** Map a failed request to form errors: field issues from the envelope, else its message. */
export function errorsFromApi<Field extends string>(error: unknown, fields: readonly Field[]): FormErrors<Field> {
  const errors: FormErrors<Field> = { fields: {}, general: [] };
  if (error instanceof ApiError) {
    for (const issue of error.envelope.issues ?? []) {
      addFieldError(errors, fields, fieldFromIssuePath(issue.path), issue.message);
    }
    if (!hasErrors(errors)) errors.general.push(error.message);
  } else {
    errors.general.push('Something went wrong. Please try again.');
  }
  return errors;
}
