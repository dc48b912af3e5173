import ReactMarkdown, { type Components } from 'react-markdown';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/**
 * A remark plugin that turns raw HTML in the Markdown into plain text. Without it react-markdown
 * drops the HTML silently; showing it literally tells readers exactly what the author wrote, and
 * nothing in it can ever run.
 */
function htmlAsText() {
  const visit = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(visit);
  };
  return (tree: MdNode) => visit(tree);
}

const components: Components = {
  // Authors' links leave the site: say so to search engines and give the new page no handle on this one.
  // A link whose address was removed as unsafe (javascript: and the like) is shown as its text alone.
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="nofollow ugc noopener noreferrer">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Headings inside a description sit below the page's own headings.
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h3>{children}</h3>,
};

/**
 * Markdown written by residents, rendered inert: no raw HTML (shown as text), no images (their
 * alternative text is shown instead, so no third-party image loads), and react-markdown's own URL
 * filter removes javascript: links.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[htmlAsText]} components={components} disallowedElements={['img']} unwrapDisallowed skipHtml={false}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
