import { sql } from 'drizzle-orm';
import type { Role } from '@allot/shared';
import type { Db } from '../db/client';
import { councillorWards, userRoles, users, wards } from '../db/schema';
import { hashPassword } from '../modules/auth/password';
import { seedDemoCycles } from './demo-cycles';
import { seedDemoVoting } from './demo-voting';

/** A fictional council: the Borough of Riverside and its wards (2021-style population estimates). */
export const demoWards = [
  { code: 'NG', name: 'Northgate', population: 14_820 },
  { code: 'OH', name: 'Old Harbour', population: 11_305 },
  { code: 'MB', name: 'Millbrook', population: 9_640 },
  { code: 'SA', name: "St Aldhelm's", population: 12_470 },
  { code: 'KM', name: 'Kingsmead', population: 10_215 },
  { code: 'TF', name: 'Thornfield', population: 8_930 },
] as const;

export interface DemoAccount {
  email: string;
  displayName: string;
  roles: Role[];
  homeWardCode: string | null;
  birthYear: number | null;
  councillorWardCodes: string[];
}

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@demo.test', displayName: 'Ada Admin', roles: ['admin'], homeWardCode: null, birthYear: null, councillorWardCodes: [] },
  { email: 'staff@demo.test', displayName: 'Sam Staff', roles: ['staff'], homeWardCode: null, birthYear: null, councillorWardCodes: [] },
  {
    email: 'councillor@demo.test',
    displayName: 'Cllr Priya Nair',
    roles: ['councillor'],
    homeWardCode: 'OH',
    birthYear: 1979,
    councillorWardCodes: ['OH'],
  },
  {
    email: 'resident@demo.test',
    displayName: 'Rosa Resident',
    roles: ['resident'],
    homeWardCode: 'NG',
    birthYear: 1988,
    councillorWardCodes: [],
  },
];

/**
 * Seeds the demo council. Idempotent: existing wards and accounts (matched by code and email)
 * are left as they are, so re-running changes nothing and never resets a changed password.
 */
export async function seedDemo(db: Db, demoPassword: string, options: { ballotSecret?: string } = {}): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    await tx.insert(wards).values([...demoWards]).onConflictDoNothing({ target: wards.code });
    const wardRows = await tx.select({ id: wards.id, code: wards.code }).from(wards);
    const wardId = (code: string): string => {
      const row = wardRows.find((ward) => ward.code === code);
      if (row === undefined) throw new Error(`demo ward ${code} is missing`);
      return row.id;
    };
    for (const account of demoAccounts) {
      const inserted = await tx
        .insert(users)
        .values({
          email: account.email,
          passwordHash,
          displayName: account.displayName,
          homeWardId: account.homeWardCode === null ? null : wardId(account.homeWardCode),
          birthYear: account.birthYear,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      const created = inserted[0];
      if (created === undefined) continue; // already there: leave it alone
      await tx.insert(userRoles).values(account.roles.map((role) => ({ userId: created.id, role })));
      if (account.councillorWardCodes.length > 0) {
        await tx
          .insert(councillorWards)
          .values(account.councillorWardCodes.map((code) => ({ userId: created.id, wardId: wardId(code) })));
      }
    }
  });
  await seedDemoCycles(db, passwordHash);
  // Demo ballots need the ballot secret the app will use; callers without one get no voting cycle.
  if (options.ballotSecret !== undefined) await seedDemoVoting(db, options.ballotSecret);
}

/** True when the database holds no account yet (a fresh embedded data folder). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return (row?.n ?? 0) === 0;
}
