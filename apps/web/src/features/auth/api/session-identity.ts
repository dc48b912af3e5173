import type { Me } from '@allot/shared';

/**
 * Who the cached data was fetched as: the account and what it may see (roles and councillor
 * wards). Signed out is its own identity. Two sessions with the same identity see the same data.
 */
export function sessionIdentity(user: Me | null | undefined): string {
  if (user === null || user === undefined) return 'signed-out';
  return [user.id, [...user.roles].sort().join(','), [...user.councillorWardIds].sort().join(',')].join('|');
}
