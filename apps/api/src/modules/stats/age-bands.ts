import { AGE_BANDS, type AgeBand, type Cycle } from '@allot/shared';

/** The band of someone born in `birthYear`, at their age reached during `year` (no birth year: 'not-given'). */
export function ageBandOf(birthYear: number | null, year: number): AgeBand | 'not-given' {
  if (birthYear === null) return 'not-given';
  const age = year - birthYear;
  if (age < 18) return 'under-18';
  if (age >= 75) return '75-plus';
  const band = AGE_BANDS.find((name) => {
    const [low, high] = name.split('-').map(Number);
    return low !== undefined && high !== undefined && age >= low && age <= high;
  });
  return band ?? 'not-given';
}

/**
 * The year ages are taken at: the year of the cycle's eligibility date (`ageOnDate`), else of the
 * voting start, else of `today`. Residents give only a birth year, so a resident's age is the age
 * they reach during that year (`year − birthYear`): someone born late in the year may be a year
 * younger on the day itself. The same rule applies to everyone, so bands stay comparable.
 */
export function ageReferenceYear(cycle: Pick<Cycle, 'eligibility' | 'schedule'>, today: string): number {
  const date = cycle.eligibility.ageOnDate ?? cycle.schedule.voting?.start ?? today;
  return Number(date.slice(0, 4));
}
