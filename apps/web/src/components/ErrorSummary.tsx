import { useEffect, useId, useRef, type MouseEvent } from 'react';
import type { FormErrors } from '../lib/form-errors';

interface ErrorSummaryProps<Field extends string> {
  errors: FormErrors<Field>;
  /** Field name → the id of the control to focus and the label to show. */
  fields: Record<Field, { id: string; label: string }>;
}

/** Moves focus to a field without changing the URL (a plain #fragment would not focus it). */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/**
 * The list of problems at the top of a form. It takes focus when new errors arrive, so keyboard and
 * screen reader users hear them at once, and each entry links to the field to fix.
 */
export function ErrorSummary<Field extends string>({ errors, fields }: ErrorSummaryProps<Field>) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const fieldEntries = (Object.keys(fields) as Field[])
    .filter((field) => errors.fields[field] !== undefined)
    .map((field) => ({ field, id: fields[field].id, message: errors.fields[field] ?? '' }));
  const count = fieldEntries.length + errors.general.length;

  useEffect(() => {
    if (count > 0) summaryRef.current?.focus();
  }, [errors, count]);

  if (count === 0) return null;
  return (
    <div ref={summaryRef} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {errors.general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {fieldEntries.map(({ field, id, message }) => (
          <li key={field}>
            <a href={`#${id}`} onClick={(event) => focusField(event, id)}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
