import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

interface PageProps {
  /** Shown in the browser tab as "<title> – Allot". */
  title: string;
  /** Defaults to the title. */
  heading?: string;
  /** A short line under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
}

/**
 * Every page starts here: it names the page in the browser tab and, after an in-app navigation,
 * moves focus to the page heading so screen reader and keyboard users start at the new content
 * (a full page load leaves focus where the browser puts it).
 */
export function Page({ title, heading = title, lead, children }: PageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  useEffect(() => {
    document.title = `${title} – Allot`;
  }, [title]);

  const navigated = location.key !== 'default'; // react-router's key for the app's first history entry
  useEffect(() => {
    // Only a new page moves focus: changing the query string (a search, a page of results) keeps it.
    if (navigated) headingRef.current?.focus();
    // Deliberately keyed on the path alone: `navigated` turning true is not itself a new page.
  }, [location.pathname]);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className="page-heading">
        {heading}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </>
  );
}
