import type { Role } from '@allot/shared';

/** Plain-language names for roles, in the order they are listed everywhere. */
export const ROLE_LABELS: Record<Role, string> = {
  resident: 'Resident',
  staff: 'Council staff',
  councillor: 'Councillor',
  admin: 'Administrator',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export function describeRoles(roles: readonly Role[]): string {
  const names = ROLES.filter((role) => roles.includes(role)).map((role) => ROLE_LABELS[role]);
  return names.length > 0 ? names.join(', ') : 'No roles';
}
