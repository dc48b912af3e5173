import { z } from 'zod';

export const WardId = z.string().uuid();

/** Age on the cycle's voting start (or its eligibility date), from the birth year residents give. */
export const AGE_BANDS = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-plus'] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  'under-18': 'Under 18',
  '18-24': '18 to 24',
  '25-34': '25 to 34',
  '35-44': '35 to 44',
  '45-54': '45 to 54',
  '55-64': '55 to 64',
  '65-74': '65 to 74',
  '75-plus': '75 and over',
};

/** A ward's population by age band (census figures), as entered by an admin. */
export const PopulationByAge = z.partialRecord(AgeBand, z.number().int().nonnegative().max(100_000_000));
export type PopulationByAge = z.infer<typeof PopulationByAge>;


export const Ward = z.object({
  id: WardId,
  name: z.string(),
  code: z.string(),
  population: z.number().int().nonnegative(),
  /** Census population by age band, for the councillor view's participation rates; null if not entered. */
  populationByAge: PopulationByAge.nullable(),
});
export type Ward = z.infer<typeof Ward>;

export const WardCreate = z.strictObject({
  name: z.string().trim().min(2).max(120),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{1,16}$/, 'Use 1 to 16 capital letters, digits or dashes'),
  population: z.number().int().nonnegative().max(100_000_000),
  populationByAge: PopulationByAge.nullable().optional(),
});
export type WardCreate = z.infer<typeof WardCreate>;

export const WardUpdate = WardCreate.partial();
export type WardUpdate = z.infer<typeof WardUpdate>;

export const WardList = z.object({ wards: z.array(Ward) });
export type WardList = z.infer<typeof WardList>;

export const WardIdParams = z.strictObject({ id: WardId });
export type WardIdParams = z.infer<typeof WardIdParams>;
