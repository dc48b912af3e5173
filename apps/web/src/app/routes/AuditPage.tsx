import { Link, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage } from '../../components/messages';
import { useAuditPage, type AuditFilters } from '../../features/audit/api/audit-log';
import { AuditFilterForm } from '../../features/audit/components/AuditFilterForm';
import { AuditTable } from '../../features/audit/components/AuditTable';
import { RequireRole } from '../RequireRole';

const FILTER_NAMES = ['action', 'targetType', 'targetId', 'actorId', 'fromDate', 'toDate'] as const;

function AuditContent() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: AuditFilters = {};
  for (const name of FILTER_NAMES) {
    const value = searchParams.get(name);
    if (value) filters[name] = value;
  }
  const before = searchParams.get('before') ?? undefined;
  const audit = useAuditPage(filters, before);
  const olderLink = (cursor: string) => {
    const params = new URLSearchParams(searchParams);
    params.set('before', cursor);
    return `?${params.toString()}`;
  };
  const newestLink = () => {
    const params = new URLSearchParams(searchParams);
    params.delete('before');
    return `?${params.toString()}`;
  };
  return (
    <Page title="Audit log" lead="Every action by staff and administrators, newest first. Entries can never be changed or deleted.">
      <AuditFilterForm
        filters={filters}
        onApply={(next) => setSearchParams(Object.fromEntries(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]))))}
      />
      {audit.isError ? <ProblemMessage title="We could not load the audit log">{audit.error.message}</ProblemMessage> : null}
      <p className="results-count" role="status" aria-live="polite">
        {audit.isPending
          ? 'Loading entries…'
          : audit.data
            ? audit.data.entries.length === 0
              ? 'No entries match.'
              : `Showing ${audit.data.entries.length} ${audit.data.entries.length === 1 ? 'entry' : 'entries'}${before ? ' (older page)' : ''}.`
            : ''}
      </p>
      {audit.data && audit.data.entries.length > 0 ? <AuditTable entries={audit.data.entries} /> : null}
      {audit.data && (before || audit.data.nextBefore) ? (
        <nav className="pagination" aria-label="Pages of the audit log">
          {before ? <Link to={newestLink()}>Back to the newest entries</Link> : null}
          {audit.data.nextBefore ? <Link to={olderLink(audit.data.nextBefore)}>Older entries</Link> : null}
        </nav>
      ) : null}
    </Page>
  );
}

export function AuditPage() {
  return (
    <RequireRole roles={['admin']} title="Audit log">
      <AuditContent />
    </RequireRole>
  );
}
