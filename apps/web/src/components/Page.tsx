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

  useEffect(() => {
    // react-router gives the first history entry of the app the key "default".
    if (location.key !== 'default') headingRef.current?.focus();
  }, [location.key]);

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
