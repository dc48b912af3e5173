import type { FormEvent } from 'react';
import { TextField } from '../../../components/fields';
import type { AuditFilters } from '../api/audit-log';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditFilterForm({ filters, onApply }: { filters: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => {
      const text = String(data.get(name) ?? '').trim();
      return text === '' ? undefined : text;
    };
    const fromDate = value('fromDate');
    const toDate = value('toDate');
    const actorId = value('actorId');
    onApply({
      action: value('action'),
      targetType: value('targetType'),
      targetId: value('targetId'),
      // The API only takes an account id; anything else would be refused, so it is left out.
      actorId: actorId && UUID.test(actorId) ? actorId : undefined,
      fromDate: fromDate && DATE.test(fromDate) ? fromDate : undefined,
      toDate: toDate && DATE.test(toDate) ? toDate : undefined,
    });
  }
  return (
    <form key={JSON.stringify(filters)} className="filter-form" role="search" aria-label="Filter the audit log" onSubmit={handleSubmit}>
      <div className="filter-form__row">
        <TextField id="audit-action" name="action" label="Action" hint="Exact, for example cycle.phase.move" spellCheck={false} defaultValue={filters.action} />
        <TextField id="audit-target-type" name="targetType" label="Kind of record" hint="For example cycle or proposal" spellCheck={false} defaultValue={filters.targetType} />
        <TextField id="audit-target-id" name="targetId" label="Record id" spellCheck={false} defaultValue={filters.targetId} />
        <TextField id="audit-actor" name="actorId" label="Account id of the person" spellCheck={false} defaultValue={filters.actorId} />
        <TextField id="audit-from" name="fromDate" label="From (UTC)" type="date" className="input--medium" defaultValue={filters.fromDate} />
        <TextField id="audit-to" name="toDate" label="To (UTC, inclusive)" type="date" className="input--medium" defaultValue={filters.toDate} />
      </div>
      <button className="button" type="submit">
        Show entries
      </button>
    </form>
  );
}
