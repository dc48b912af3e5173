import { sql } from 'drizzle-orm';
import { AGE_BANDS, type AgeBand, type PopulationByAge, type Role } from '@allot/shared';
import type { Db } from '../db/client';
import { councillorWards, userRoles, users, wards } from '../db/schema';
import { hashPassword } from '../modules/auth/password';
import { seedDemoCycles } from './demo-cycles';
import { seedDemoVoting } from './demo-voting';
import { seedDemoResults } from './demo-results';

/** Rough shares of an English borough's population by age band (they add up to 1). */
const AGE_SHARES: Record<AgeBand, number> = {
  'under-18': 0.21,
  '18-24': 0.09,
  '25-34': 0.14,
  '35-44': 0.13,
  '45-54': 0.13,
  '55-64': 0.12,
  '65-74': 0.1,
  '75-plus': 0.08,
};

/** Splits a ward's population into age bands; the last band takes the rounding remainder. */
function demoPopulationByAge(population: number): PopulationByAge {
  const bands: PopulationByAge = {};
  let left = population;
  for (const [index, band] of AGE_BANDS.entries()) {
    const count = index === AGE_BANDS.length - 1 ? left : Math.round(population * AGE_SHARES[band]);
    bands[band] = count;
    left -= count;
  }
  return bands;
}

const ward = (code: string, name: string, population: number) => ({ code, name, population, populationByAge: demoPopulationByAge(population) });

/** A fictional council: the Borough of Riverside and its wards (2021-style population estimates). */
export const demoWards = [
  ward('NG', 'Northgate', 14_820),
  ward('OH', 'Old Harbour', 11_305),
  ward('MB', 'Millbrook', 9_640),
  ward('SA', "St Aldhelm's", 12_470),
  ward('KM', 'Kingsmead', 10_215),
  ward('TF', 'Thornfield', 8_930),
];

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
  if (options.ballotSecret !== undefined) {
    await seedDemoVoting(db, options.ballotSecret);
    await seedDemoResults(db, passwordHash, options.ballotSecret);
  }
}

/** True when the database holds no account yet (a fresh embedded data folder). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return (row?.n ?? 0) === 0;
}
