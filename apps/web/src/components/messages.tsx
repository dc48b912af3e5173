import type { ReactNode } from 'react';

/** A polite status line, for example while data loads. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p className="status" role="status">
      {children}
    </p>
  );
}

/** A problem that stops the page from showing what it should. */
export function ProblemMessage({ title = 'Something went wrong', children }: { title?: string; children: ReactNode }) {
  return (
    <div className="notice notice--problem" role="alert">
      <h2 className="notice__title">{title}</h2>
      <p>{children}</p>
    </div>
  );
}

/** Confirms that something the person did has worked. */
export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice--success" role="status">
      <p>{children}</p>
    </div>
  );
}
