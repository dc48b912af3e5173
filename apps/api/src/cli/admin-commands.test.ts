import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditLog, sessionFamilies } from '../db/schema';
import { findUserRecordByEmail } from '../modules/users/users.repository';
import { count, createTestDatabase, createWard, type TestDatabase } from '../../test/helpers';
import { runAdminCommand } from './admin-commands';

let testDb: TestDatabase;
const output: string[] = [];
const admin = (...argv: string[]) => runAdminCommand(testDb.database.db, argv[0], argv.slice(1), (line) => output.push(line));

beforeAll(async () => {
  testDb = await createTestDatabase();
  await createWard(testDb.database.db, 'NG');
  await createWard(testDb.database.db, 'OH');
});
afterAll(async () => {
  await testDb.dispose();
});

describe('admin CLI', () => {
  it('creates an admin and prints a generated password', async () => {
    await admin('create-user', '--email', 'Chair@Council.test', '--name', 'Alex Chair', '--role', 'admin');
    const user = await findUserRecordByEmail(testDb.database.db, 'chair@council.test');
    expect(user?.roles).toEqual(['admin']);
    expect(output.join('\n')).toMatch(/Password: \S{12,}/);
    expect(await count(testDb.database.db, sql`${auditLog} where action = 'user.create' and actor_id is null`)).toBe(1);
  });

  it('grants councillor with wards, replaces the wards, then revokes, auditing each change', async () => {
    await admin('create-user', '--email', 'jo@example.test', '--name', 'Jo', '--ward', 'NG', '--password', 'long enough pw');
    await admin('grant', '--email', 'jo@example.test', '--role', 'councillor', '--councillor-ward', 'OH');
    let jo = await findUserRecordByEmail(testDb.database.db, 'jo@example.test');
    expect(jo?.roles).toEqual(['resident', 'councillor']);
    expect(jo?.councillorWardIds).toHaveLength(1);
    await admin('set-wards', '--email', 'jo@example.test', '--councillor-ward', 'NG', '--councillor-ward', 'OH');
    jo = await findUserRecordByEmail(testDb.database.db, 'jo@example.test');
    expect(jo?.councillorWardIds).toHaveLength(2);
    await admin('revoke', '--email', 'jo@example.test', '--role', 'councillor');
    jo = await findUserRecordByEmail(testDb.database.db, 'jo@example.test');
    expect(jo?.roles).toEqual(['resident']);
    expect(jo?.councillorWardIds).toEqual([]);
    expect(
      await count(testDb.database.db, sql`${auditLog} where action = 'user.roles.set' and target_id = ${jo?.id ?? ''}`),
    ).toBe(3);
  });

  it('signs the account out when its password is reset', async () => {
    const jo = await findUserRecordByEmail(testDb.database.db, 'jo@example.test');
    await testDb.database.db.insert(sessionFamilies).values({ userId: jo?.id ?? '', expiresAt: new Date(Date.now() + 60_000) });
    await admin('set-password', '--email', 'jo@example.test', '--password', 'another long pw');
    expect(
      await count(testDb.database.db, sql`${sessionFamilies} where user_id = ${jo?.id ?? ''} and revoked_at is null`),
    ).toBe(0);
  });

  it('refuses unknown accounts, roles, wards, duplicates and commands', async () => {
    await expect(admin('grant', '--email', 'nobody@example.test', '--role', 'staff')).rejects.toThrow(/No account/);
    await expect(admin('grant', '--email', 'jo@example.test', '--role', 'overlord')).rejects.toThrow(/Unknown role/);
    await expect(admin('set-wards', '--email', 'jo@example.test', '--councillor-ward', 'XX')).rejects.toThrow(/No ward/);
    await expect(admin('create-user', '--email', 'JO@example.test', '--name', 'Jo again')).rejects.toThrow(/already exists/);
    await expect(admin('promote', '--email', 'jo@example.test')).rejects.toThrow(/Unknown command/);
  });
});
