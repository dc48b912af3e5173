import { z } from 'zod';
import { WardId } from './wards';

export const Role = z.enum(['resident', 'staff', 'councillor', 'admin']);
export type Role = z.infer<typeof Role>;

export const Email = z.string().trim().toLowerCase().max(254).email('Enter a valid email address');

/** 8 to 128 characters, no composition rules (NIST SP 800-63B). */
export const Password = z
  .string()
  .min(8, 'Use at least 8 characters')
  .max(128, 'Use at most 128 characters');

const currentYear = new Date().getUTCFullYear();

export const RegisterRequest = z.strictObject({
  email: Email,
  password: Password,
  displayName: z.string().trim().min(1, 'Enter your name').max(80, 'Use at most 80 characters'),
  homeWardId: WardId,
  birthYear: z
    .number()
    .int()
    .min(1900, 'Enter a year after 1900')
    .max(currentYear, 'Enter a year that has already started'),
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1, 'Enter your password').max(128),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  homeWardId: WardId.nullable(),
  birthYear: z.number().int().nullable(),
  roles: z.array(Role),
  /** Wards a councillor holds (empty for other roles). */
  councillorWardIds: z.array(WardId),
  createdAt: z.string(),
});
export type Me = z.infer<typeof Me>;

/** Answer to register, login and refresh: a short-lived access token plus the account. */
export const Session = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int().describe('Seconds until the access token expires'),
  user: Me,
});
export type Session = z.infer<typeof Session>;
