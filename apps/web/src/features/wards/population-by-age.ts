import { AGE_BAND_LABELS, AGE_BANDS, type AgeBand, type PopulationByAge } from '@allot/shared';

/** The most people one band may hold (the shared schema's limit). */
const MAX_PEOPLE = 100_000_000;

const numberFormat = new Intl.NumberFormat('en-GB');

export interface PopulationByAgeResult {
  /** null when no band was filled in (the ward then has no age figures). */
  value: PopulationByAge | null;
  errors: Partial<Record<AgeBand, string>>;
}

/**
 * The optional "population by age band" fieldset → `populationByAge`. Empty bands are left out;
 * "1,200" and "1 200" are read as 1200. When the ward's population is known, the bands together
 * cannot be more than it (they are parts of the same census figure).
 */
export function parsePopulationByAge(texts: Partial<Record<AgeBand, string>>, population?: number): PopulationByAgeResult {
  const value: PopulationByAge = {};
  const errors: Partial<Record<AgeBand, string>> = {};
  for (const band of AGE_BANDS) {
    const text = (texts[band] ?? '').replace(/[,\s]/g, '');
    if (text === '') continue;
    const people = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(people) || people > MAX_PEOPLE) {
      errors[band] = `Enter the number of people aged ${AGE_BAND_LABELS[band].toLowerCase()} as a whole number, for example 1200`;
    } else {
      value[band] = people;
    }
  }
  const filled = AGE_BANDS.filter((band) => value[band] !== undefined);
  if (filled.length === 0 && Object.keys(errors).length === 0) return { value: null, errors };
  const total = filled.reduce((sum, band) => sum + (value[band] ?? 0), 0);
  const first = filled[0];
  if (population !== undefined && Number.isSafeInteger(population) && total > population && first !== undefined && errors[first] === undefined) {
    errors[first] =
      `The age bands add up to ${numberFormat.format(total)}, more than the ward’s population of ${numberFormat.format(population)}: ` +
      'check the figures';
  }
  return { value, errors };
}

/** A ward's stored figures as the text the form's inputs start with. */
export function populationByAgeTexts(populationByAge: PopulationByAge | null | undefined): Record<AgeBand, string> {
  return Object.fromEntries(AGE_BANDS.map((band) => [band, populationByAge?.[band]?.toString() ?? ''])) as Record<AgeBand, string>;
}
