import type { Me } from '@allot/shared';
import type { UserRecord } from './users.repository';

/** The only way an account leaves the API: explicit fields, no hash, no token version. */
export function toMe(user: UserRecord): Me {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    homeWardId: user.homeWardId,
    birthYear: user.birthYear,
    roles: user.roles,
    councillorWardIds: user.councillorWardIds,
    createdAt: user.createdAt.toISOString(),
  };
}
