import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS, PROPOSAL_STATUSES, type Pot } from '@allot/shared';
import type { FormEvent } from 'react';
import { SelectField } from '../../../components/fields';
import type { ProposalFilters } from '../api/list-proposals';
import { STATUS_LABELS } from '../format';

interface ProposalFilterFormProps {
  pots: readonly Pot[];
  filters: ProposalFilters;
  onApply: (filters: ProposalFilters) => void;
}

const SORTS = [
  { value: 'newest', label: 'Newest first' },
  { value: 'supports', label: 'Most supported first' },
  { value: 'title', label: 'By title, A to Z' },
] as const;

/** Narrow the list of ideas. Applying changes only the address, so the result can be shared or bookmarked. */
export function ProposalFilterForm({ pots, filters, onApply }: ProposalFilterFormProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => {
      const text = String(data.get(name) ?? '').trim();
      return text === '' ? undefined : text;
    };
    onApply({
      q: value('q'),
      potId: value('potId'),
      category: value('category') as ProposalFilters['category'],
      status: value('status') as ProposalFilters['status'],
      sort: value('sort') as ProposalFilters['sort'],
    });
  }
  // Re-mount when the filters change from outside (back button), so the fields show what is applied.
  const key = JSON.stringify(filters);
  return (
    <form key={key} className="filter-form" role="search" aria-label="Filter ideas" onSubmit={handleSubmit}>
      <div className="field">
        <label className="field__label" htmlFor="proposal-search">
          Words in the title or description
        </label>
        <input id="proposal-search" name="q" type="search" className="input" defaultValue={filters.q ?? ''} />
      </div>
      <div className="filter-form__row">
        <SelectField
          id="proposal-area"
          name="potId"
          label="Area"
          placeholder="All areas"
          defaultValue={filters.potId ?? ''}
          options={pots.map((pot) => ({ value: pot.id, label: pot.name }))}
        />
        <SelectField
          id="proposal-category"
          name="category"
          label="Category"
          placeholder="All categories"
          defaultValue={filters.category ?? ''}
          options={PROPOSAL_CATEGORIES.map((category) => ({ value: category, label: PROPOSAL_CATEGORY_LABELS[category] }))}
        />
        <SelectField
          id="proposal-status"
          name="status"
          label="Status"
          placeholder="Any status (not withdrawn)"
          defaultValue={filters.status ?? ''}
          options={PROPOSAL_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
        />
        <SelectField id="proposal-sort" name="sort" label="Order" defaultValue={filters.sort ?? 'newest'} options={SORTS} />
      </div>
      <button className="button" type="submit">
        Show ideas
      </button>
    </form>
  );
}
