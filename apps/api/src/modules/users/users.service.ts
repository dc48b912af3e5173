import type { Me, Role, SetRolesRequest, UserList, UserSearchQuery } from '@allot/shared';
import type { Db } from '../../db/client';
import { NotFoundError, RuleViolationError, ValidationError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { revokeAllFamiliesOfUser } from '../auth/auth.repository';
import { countExistingWards } from '../wards/wards.repository';
import type { Actor } from '../../lib/actor';
import { toMe } from './users.mapper';
import * as repo from './users.repository';

export async function searchUsers(db: Db, query: UserSearchQuery): Promise<UserList> {
  const result = await repo.searchUsers(db, query);
  return { users: result.users.map(toMe), total: result.total };
}

export async function getUser(db: Db, id: string): Promise<Me> {
  const user = await repo.findUserRecordById(db, id);
  if (user === undefined) throw new NotFoundError('No account with this id');
  return toMe(user);
}

/**
 * Replaces an account's roles (and councillor wards). The change is audited and signs the
 * account out everywhere at once: its sessions are revoked and its token version moves,
 * so access tokens issued before the change stop working on their next request.
 */
export async function setRoles(db: Db, actor: Actor, userId: string, input: SetRolesRequest): Promise<Me> {
  const roles = [...new Set(input.roles)].sort() as Role[];
  const wardIds = [...new Set(input.councillorWardIds)].sort();
  if (roles.includes('councillor') && wardIds.length === 0) {
    throw new ValidationError('A councillor needs at least one ward', [
      { path: 'councillorWardIds', message: 'Choose the ward(s) this councillor holds' },
    ]);
  }
  if (!roles.includes('councillor') && wardIds.length > 0) {
    throw new ValidationError('Only councillors hold wards', [
      { path: 'councillorWardIds', message: 'Leave empty unless the account is a councillor' },
    ]);
  }
  if (actor.userId === userId && !roles.includes('admin')) {
    throw new RuleViolationError('You cannot remove your own admin role; ask another admin');
  }
  return db.transaction(async (tx) => {
    if (!(await repo.lockUser(tx, userId))) throw new NotFoundError('No account with this id');
    if ((await countExistingWards(tx, wardIds)) !== wardIds.length) {
      throw new ValidationError('The request body is not valid', [
        { path: 'councillorWardIds', message: 'Choose wards from the list' },
      ]);
    }
    const before = await repo.findUserRecordById(tx, userId);
    await repo.replaceRoles(tx, userId, roles, wardIds);
    await revokeAllFamiliesOfUser(tx, userId, 'role change');
    const after = await repo.findUserRecordById(tx, userId);
    if (before === undefined || after === undefined) throw new NotFoundError('No account with this id');
    await appendAudit(tx, {
      actorId: actor.userId,
      requestId: actor.requestId,
      action: 'user.roles.set',
      targetType: 'user',
      targetId: userId,
      details: {
        before: { roles: before.roles, councillorWardIds: before.councillorWardIds },
        after: { roles: after.roles, councillorWardIds: after.councillorWardIds },
      },
    });
    return toMe(after);
  });
}
