import type { Pot } from '@allot/shared';
import type { FormEvent } from 'react';
import { SelectField } from '../../../components/fields';
import type { ReviewFilters } from '../api/review-queue';
import { REVIEW_STATUS_LABELS } from '../format';

export function ReviewQueueFilterForm({ pots, filters, onApply }: { pots: readonly Pot[]; filters: ReviewFilters; onApply: (filters: ReviewFilters) => void }) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => {
      const text = String(data.get(name) ?? '');
      return text === '' ? undefined : text;
    };
    onApply({
      potId: value('potId'),
      status: value('status') as ReviewFilters['status'],
      reviewed: value('reviewed') as ReviewFilters['reviewed'],
    });
  }
  return (
    <form key={JSON.stringify(filters)} className="filter-form" role="search" aria-label="Filter the review queue" onSubmit={handleSubmit}>
      <div className="filter-form__row">
        <SelectField id="review-area" name="potId" label="Area" placeholder="All areas" defaultValue={filters.potId ?? ''} options={pots.map((pot) => ({ value: pot.id, label: pot.name }))} />
        <SelectField
          id="review-reviewed"
          name="reviewed"
          label="Verdict"
          placeholder="With or without a verdict"
          defaultValue={filters.reviewed ?? ''}
          options={[
            { value: 'false', label: 'Waiting for a verdict' },
            { value: 'true', label: 'Verdict recorded' },
          ]}
        />
        <SelectField
          id="review-status"
          name="status"
          label="Status"
          placeholder="Any status"
          defaultValue={filters.status ?? ''}
          options={Object.entries(REVIEW_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </div>
      <button className="button" type="submit">
        Show proposals
      </button>
    </form>
  );
}
