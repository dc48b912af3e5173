import { WardCreate, type Ward } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextField } from '../../../components/fields';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';

const FIELDS = ['name', 'code', 'population'] as const;
type Field = (typeof FIELDS)[number];

const FIELD_INFO: Record<Field, { id: string; label: string }> = {
  name: { id: 'ward-name', label: 'Ward name' },
  code: { id: 'ward-code', label: 'Ward code' },
  population: { id: 'ward-population', label: 'Population' },
};

interface WardFormProps {
  /** The ward being edited; omit to create a new one. */
  ward?: Ward;
  submitLabel: string;
  pending: boolean;
  /** Resolves when saved; rejects with the API error to show. */
  onSubmit: (ward: WardCreate) => Promise<unknown>;
}

/** Create or edit a ward. Checked with the shared WardCreate schema before it is sent. */
export function WardForm({ ward, submitLabel, pending, onSubmit }: WardFormProps) {
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const populationText = String(data.get('population') ?? '').replace(/[,\s]/g, '');
    const raw = {
      name: String(data.get('name') ?? ''),
      code: String(data.get('code') ?? ''),
      population: /^\d+$/.test(populationText) ? Number(populationText) : Number.NaN,
    };
    const parsed = WardCreate.safeParse(raw);
    if (!parsed.success) {
      setErrors(
        errorsFromZod(parsed.error, FIELDS, (field) => {
          if (field === 'name') return 'Enter a ward name of 2 to 120 characters';
          if (field === 'population') return 'Enter the population as a whole number, for example 12500';
          return undefined;
        }),
      );
      return;
    }
    setErrors(NO_ERRORS);
    onSubmit(parsed.data).catch((error: unknown) => setErrors(errorsFromApi(error, FIELDS)));
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label={submitLabel}>
      <ErrorSummary errors={errors} fields={FIELD_INFO} />
      <TextField
        id={FIELD_INFO.name.id}
        name="name"
        label={FIELD_INFO.name.label}
        defaultValue={ward?.name}
        error={errors.fields.name}
      />
      <TextField
        id={FIELD_INFO.code.id}
        name="code"
        label={FIELD_INFO.code.label}
        hint="A short code used in reports and open data: 1 to 16 capital letters, digits or dashes, for example RIV-N."
        defaultValue={ward?.code}
        autoCapitalize="characters"
        spellCheck={false}
        className="input--medium"
        error={errors.fields.code}
      />
      <TextField
        id={FIELD_INFO.population.id}
        name="population"
        label={FIELD_INFO.population.label}
        hint="How many people live in the ward."
        inputMode="numeric"
        defaultValue={ward?.population}
        className="input--medium"
        error={errors.fields.population}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
