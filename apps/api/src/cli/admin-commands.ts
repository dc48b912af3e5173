/**
 * The admin CLI's commands, separate from process handling so tests can run them on a test
 * database. Output goes through `print`.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Email, Password, Role, type Me } from '@allot/shared';
import type { Db } from '../db/client';
import { ConflictError, isPgError, NotFoundError, PgCode } from '../errors';
import { appendAudit } from '../modules/audit/audit.repository';
import { revokeAllFamiliesOfUser } from '../modules/auth/auth.repository';
import { hashPassword } from '../modules/auth/password';
import { toMe } from '../modules/users/users.mapper';
import * as usersRepo from '../modules/users/users.repository';
import { setRoles } from '../modules/users/users.service';
import { findWardByCode } from '../modules/wards/wards.repository';

export const usage = `Usage: pnpm admin <command> [options]

Commands:
  create-user --email <email> --name <display name> [--password <pw>] [--role <role>]...
              [--ward <code>] [--birth-year <yyyy>] [--councillor-ward <code>]...
      Creates an account (role resident unless --role is given). Without --password a random
      one is generated and printed. --ward sets the home ward.
  grant       --email <email> --role <role> [--councillor-ward <code>]...
  revoke      --email <email> --role <role>
  set-wards   --email <email> --councillor-ward <code> [--councillor-ward <code>]...
      Replaces the wards a councillor holds.
  set-password --email <email> [--password <pw>]
  list-users  [--search <text>] [--role <role>]

Roles: resident, staff, councillor, admin. Ward codes as shown by GET /api/wards (e.g. NG).`;

/** A mistake in the command line; the CLI prints it with the usage text. */
export class UsageError extends Error {}

const cliActor = { userId: null, requestId: 'cli' };

async function wardIdsFor(db: Db, codes: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const code of codes) {
    const ward = await findWardByCode(db, code.trim().toUpperCase());
    if (ward === undefined) throw new NotFoundError(`No ward with code ${code}`);
    ids.push(ward.id);
  }
  return ids;
}

async function userByEmail(db: Db, email: string | undefined) {
  if (email === undefined) throw new UsageError('--email is required');
  const user = await usersRepo.findUserRecordByEmail(db, Email.parse(email));
  if (user === undefined) throw new NotFoundError(`No account with email ${email}`);
  return user;
}


function parseRoles(values: string[] | undefined): Role[] {
  return (values ?? []).map((value) => {
    const parsed = Role.safeParse(value);
    if (!parsed.success) throw new UsageError(`Unknown role "${value}"`);
    return parsed.data;
  });
}

function describe(user: Me): string {
  const wards = user.councillorWardIds.length > 0 ? ` wards=${user.councillorWardIds.join(',')}` : '';
  return `${user.email}  (${user.displayName})  roles=${user.roles.join(',') || '-'}${wards}  id=${user.id}`;
}

export async function runAdminCommand(
  db: Db,
  command: string | undefined,
  args: string[],
  print: (line: string) => void = console.log,
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', multiple: true },
      ward: { type: 'string' },
      'councillor-ward': { type: 'string', multiple: true },
      'birth-year': { type: 'string' },
      search: { type: 'string' },
    },
    strict: true,
  });

  switch (command) {
    case 'create-user': {
      if (values.email === undefined || values.name === undefined) throw new UsageError('--email and --name are required');
      const email = Email.parse(values.email);
      const generated = values.password === undefined;
      const password = Password.parse(values.password ?? randomBytes(12).toString('base64url'));
      const roles = parseRoles(values.role);
      const finalRoles: Role[] = roles.length > 0 ? roles : ['resident'];
      const councillorWardIds = await wardIdsFor(db, values['councillor-ward'] ?? []);
      const homeWardId = values.ward === undefined ? null : ((await wardIdsFor(db, [values.ward]))[0] ?? null);
      const birthYear = values['birth-year'] === undefined ? null : Number(values['birth-year']);
      if (birthYear !== null && !Number.isInteger(birthYear)) throw new UsageError('--birth-year must be a year');
      const passwordHash = await hashPassword(password);
      let userId: string;
      try {
        userId = await db.transaction(async (tx) => {
          const { id } = await usersRepo.insertUser(tx, { email, passwordHash, displayName: values.name ?? '', homeWardId, birthYear });
          await usersRepo.replaceRoles(tx, id, finalRoles, finalRoles.includes('councillor') ? councillorWardIds : []);
          await appendAudit(tx, {
            actorId: null,
            requestId: 'cli',
            action: 'user.create',
            targetType: 'user',
            targetId: id,
            details: { email, roles: finalRoles, councillorWardIds },
          });
          return id;
        });
      } catch (error) {
        if (isPgError(error, PgCode.uniqueViolation)) throw new ConflictError(`An account with email ${email} already exists`);
        throw error;
      }
      const user = await usersRepo.findUserRecordById(db, userId);
      if (user !== undefined) print(`Created ${describe(toMe(user))}`);
      if (generated) print(`Password: ${password}`);
      return;
    }
    case 'grant':
    case 'revoke': {
      const user = await userByEmail(db, values.email);
      const roles = parseRoles(values.role);
      if (roles.length === 0) throw new UsageError('--role is required');
      const nextRoles =
        command === 'grant'
          ? [...new Set([...user.roles, ...roles])]
          : user.roles.filter((role) => !roles.includes(role));
      let wardIds = user.councillorWardIds;
      if (values['councillor-ward'] !== undefined) wardIds = await wardIdsFor(db, values['councillor-ward']);
      if (!nextRoles.includes('councillor')) wardIds = [];
      const updated = await setRoles(db, cliActor, user.id, { roles: nextRoles, councillorWardIds: wardIds });
      print(`Updated ${describe(updated)}`);
      return;
    }
    case 'set-wards': {
      const user = await userByEmail(db, values.email);
      const wardIds = await wardIdsFor(db, values['councillor-ward'] ?? []);
      const roles: Role[] = user.roles.includes('councillor') ? user.roles : [...user.roles, 'councillor'];
      const updated = await setRoles(db, cliActor, user.id, { roles: wardIds.length > 0 ? roles : roles.filter((r) => r !== 'councillor'), councillorWardIds: wardIds });
      print(`Updated ${describe(updated)}`);
      return;
    }
    case 'set-password': {
      const user = await userByEmail(db, values.email);
      const generated = values.password === undefined;
      const password = Password.parse(values.password ?? randomBytes(12).toString('base64url'));
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await usersRepo.updatePasswordHash(tx, user.id, passwordHash);
        await revokeAllFamiliesOfUser(tx, user.id, 'password reset');
        await appendAudit(tx, { actorId: null, requestId: 'cli', action: 'user.password.reset', targetType: 'user', targetId: user.id });
      });
      print(`Password changed for ${user.email}; their sessions were signed out.`);
      if (generated) print(`Password: ${password}`);
      return;
    }
    case 'list-users': {
      const role = values.role === undefined ? undefined : parseRoles(values.role)[0];
      const result = await usersRepo.searchUsers(db, { q: values.search, role, limit: 100, offset: 0 });
      for (const user of result.users) print(describe(toMe(user)));
      print(`${result.total} account(s)${result.total > result.users.length ? `, first ${result.users.length} shown` : ''}`);
      return;
    }
    default:
      throw new UsageError(command === undefined ? 'No command given' : `Unknown command "${command}"`);
  }
}

