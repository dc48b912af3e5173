import type { AuditEntry } from '@allot/shared';
import { TableRegion } from '../../../components/TableRegion';

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <TableRegion label="Audit log entries">
      <table className="table table--audit">
        <caption className="table__caption">Audit log entries, newest first (times in UTC)</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Record</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at}>{timeFormat.format(new Date(entry.at))}</time>
              </td>
              <td>{entry.actorEmail ?? (entry.actorId ? 'Deleted account' : 'System')}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.targetType}
                {entry.targetId ? (
                  <>
                    <br />
                    <code className="break">{entry.targetId}</code>
                  </>
                ) : null}
              </td>
              <td>
                <code className="audit-details">{JSON.stringify(entry.details)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
