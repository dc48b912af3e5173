import '../results.css';
/** Marks a count that only councillors and admins can see; the word "not" never relies on colour. */
export function NotPublishedBanner() {
  return (
    <div className="notice results-unpublished" role="note" aria-labelledby="unpublished-title">
      <h2 id="unpublished-title" className="notice__title">
        Not published yet — only councillors and admins can see this
      </h2>
      <p>These results have been counted but not published. They may still be counted again before an admin publishes them.</p>
    </div>
  );
}
