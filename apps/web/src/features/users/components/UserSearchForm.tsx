import type { FormEvent } from 'react';

interface UserSearchFormProps {
  initialQuery: string;
  onSearch: (q: string) => void;
}

/** Search accounts by name or email; an empty search lists the first accounts. */
export function UserSearchForm({ initialQuery, onSearch }: UserSearchFormProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(String(new FormData(event.currentTarget).get('q') ?? '').trim());
  }
  return (
    <form className="search-form" role="search" onSubmit={handleSubmit} aria-label="Find people">
      <div className="field">
        <label className="field__label" htmlFor="user-search">
          Name or email address
        </label>
        <div className="search-form__row">
          <input
            id="user-search"
            name="q"
            type="search"
            className="input"
            defaultValue={initialQuery}
            key={initialQuery}
            spellCheck={false}
          />
          <button className="button" type="submit">
            Search
          </button>
        </div>
      </div>
    </form>
  );
}
