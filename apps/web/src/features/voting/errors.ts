import type { PotSelection } from '@allot/shared';
import { ApiError } from '../../lib/api-client';
import type { FormErrors } from '../../lib/form-errors';

/**
 * A refused cast as form errors: the server's message first (it says what to do), then any
 * detail it gave, attached to the pot it is about when the issue path names one of the selections.
 */
export function ballotErrorsFromApi(error: unknown, sent: readonly PotSelection[]): FormErrors<string> {
  if (!(error instanceof ApiError)) return { fields: {}, general: ['Something went wrong. Please try again.'] };
  const errors: FormErrors<string> = { fields: {}, general: [error.message] };
  for (const issue of error.envelope.issues ?? []) {
    const index = /(?:^|[./])selections[./](\d+)/.exec(issue.path)?.[1];
    const potId = index === undefined ? undefined : sent[Number(index)]?.potId;
    if (potId !== undefined && errors.fields[potId] === undefined) errors.fields[potId] = `${error.message}: ${issue.message}`;
    else if (!errors.general.includes(issue.message)) errors.general.push(issue.message);
  }
  if (Object.keys(errors.fields).length > 0) errors.general = errors.general.filter((message) => message !== error.message);
  return errors;
}
