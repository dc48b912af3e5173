import type { ReactNode } from 'react';

/**
 * Wraps a wide table so it scrolls sideways on a phone instead of widening the page. The region is
 * focusable and named so keyboard users can scroll it too.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
