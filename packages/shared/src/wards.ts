import { z } from 'zod';

export const WardId = z.string().uuid();

export const Ward = z.object({
  id: WardId,
  name: z.string(),
  code: z.string(),
  population: z.number().int().nonnegative(),
});
export type Ward = z.infer<typeof Ward>;

export const WardCreate = z.strictObject({
  name: z.string().trim().min(2).max(120),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{1,16}$/, 'Use 1 to 16 capital letters, digits or dashes'),
  population: z.number().int().nonnegative().max(100_000_000),
});
export type WardCreate = z.infer<typeof WardCreate>;

export const WardUpdate = WardCreate.partial();
export type WardUpdate = z.infer<typeof WardUpdate>;

export const WardList = z.object({ wards: z.array(Ward) });
export type WardList = z.infer<typeof WardList>;

export const WardIdParams = z.strictObject({ id: WardId });
export type WardIdParams = z.infer<typeof WardIdParams>;
