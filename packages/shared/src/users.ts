import { z } from 'zod';
import { Me, Role } from './auth';
import { WardId } from './wards';

/** An account as an admin sees it (same shape as `Me`; never the password hash). */
export const UserSummary = Me;
export type UserSummary = z.infer<typeof UserSummary>;

export const UserId = z.string().uuid();

export const UserIdParams = z.strictObject({ id: UserId });
export type UserIdParams = z.infer<typeof UserIdParams>;

export const UserSearchQuery = z.strictObject({
  q: z.string().trim().max(254).optional().describe('Matches email or display name, case-insensitively'),
  role: Role.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UserSearchQuery = z.infer<typeof UserSearchQuery>;

export const UserList = z.object({
  users: z.array(UserSummary),
  total: z.number().int().nonnegative(),
});
export type UserList = z.infer<typeof UserList>;

/**
 * Replaces an account's roles. `councillorWardIds` is required (non-empty) when `roles`
 * contains `councillor` and must be empty or absent otherwise. Changing roles signs the
 * account out everywhere.
 */
export const SetRolesRequest = z.strictObject({
  roles: z.array(Role).max(4),
  councillorWardIds: z.array(WardId).max(100).default([]),
});
export type SetRolesRequest = z.infer<typeof SetRolesRequest>;
