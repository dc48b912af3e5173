import { useState, type FormEvent } from 'react';

interface VoterSearchFormProps {
  initialQuery: string;
  onSearch: (q: string) => void;
}

/** Find a resident at the desk by name or email address (two characters or more). */
export function VoterSearchForm({ initialQuery, onSearch }: VoterSearchFormProps) {
  const [problem, setProblem] = useState<string | null>(null);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    if (q.length < 2) {
      setProblem('Type at least two characters of the name or email address');
      return;
    }
    setProblem(null);
    onSearch(q);
  }
  return (
    <form className="search-form" role="search" onSubmit={handleSubmit} aria-label="Find a resident" noValidate>
      <div className={problem ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor="voter-search">
          Resident&rsquo;s name or email address
        </label>
        {problem ? (
          <p id="voter-search-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {problem}
          </p>
        ) : null}
        <div className="search-form__row">
          <input
            id="voter-search"
            name="q"
            type="search"
            className="input"
            defaultValue={initialQuery}
            key={initialQuery}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'voter-search-error' : undefined}
          />
          <button className="button" type="submit">
            Search
          </button>
        </div>
      </div>
    </form>
  );
}
