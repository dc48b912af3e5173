import { AGE_BAND_LABELS, AGE_BANDS, WardCreate, type AgeBand, type Ward } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextField } from '../../../components/fields';
import { errorsFromApi, errorsFromZod, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { parsePopulationByAge, populationByAgeTexts } from '../population-by-age';

// Age bands are fields under their own names, so the server's issues ("populationByAge/18-24") land on them.
const FIELDS = ['name', 'code', 'population', 'populationByAge', ...AGE_BANDS] as const;
type Field = (typeof FIELDS)[number];

const ageBandId = (band: AgeBand) => `ward-age-${band}`;

const FIELD_INFO: Record<Field, { id: string; label: string }> = {
  name: { id: 'ward-name', label: 'Ward name' },
  code: { id: 'ward-code', label: 'Ward code' },
  population: { id: 'ward-population', label: 'Population' },
  populationByAge: { id: ageBandId(AGE_BANDS[0]), label: 'Population by age band' },
  ...(Object.fromEntries(AGE_BANDS.map((band) => [band, { id: ageBandId(band), label: AGE_BAND_LABELS[band] }])) as Record<
    AgeBand,
    { id: string; label: string }
  >),
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
  const ageTexts = populationByAgeTexts(ward?.populationByAge);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const populationText = String(data.get('population') ?? '').replace(/[,\s]/g, '');
    const population = /^\d+$/.test(populationText) ? Number(populationText) : Number.NaN;
    const byAge = parsePopulationByAge(
      Object.fromEntries(AGE_BANDS.map((band) => [band, String(data.get(`age-${band}`) ?? '')])),
      Number.isNaN(population) ? undefined : population,
    );
    const raw = {
      name: String(data.get('name') ?? ''),
      code: String(data.get('code') ?? ''),
      population,
      populationByAge: byAge.value,
    };
    const parsed = WardCreate.safeParse(raw);
    const found: FormErrors<Field> = parsed.success
      ? { fields: {}, general: [] }
      : errorsFromZod(parsed.error, FIELDS, (field) => {
          if (field === 'name') return 'Enter a ward name of 2 to 120 characters';
          if (field === 'population') return 'Enter the population as a whole number, for example 12500';
          return undefined;
        });
    for (const band of AGE_BANDS) {
      const message = byAge.errors[band];
      if (message !== undefined) found.fields[band] = message;
    }
    if (!parsed.success || hasErrors(found)) {
      setErrors(found);
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
      <fieldset className="fieldset" aria-describedby="ward-age-hint">
        <legend className="fieldset__legend">Population by age band (optional)</legend>
        <p id="ward-age-hint" className="field__hint">
          How many of the ward&rsquo;s residents are in each age band, from the census. Councillors see what share of each age group
          voted. Leave a band empty if you do not know it.
        </p>
        <div className="pot-grid">
          {AGE_BANDS.map((band) => (
            <TextField
              key={band}
              id={ageBandId(band)}
              name={`age-${band}`}
              label={AGE_BAND_LABELS[band]}
              inputMode="numeric"
              defaultValue={ageTexts[band]}
              className="input--medium"
              error={errors.fields[band]}
            />
          ))}
        </div>
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
