import { randomBytes } from 'node:crypto';
import { WardList } from '@allot/shared';
import { baseUrl } from './browser';

export interface TestResident {
  email: string;
  password: string;
  displayName: string;
}

/** A unique address per test so tests never trip over each other's accounts. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`;
}

export async function firstWard(): Promise<{ id: string; name: string }> {
  const response = await fetch(`${baseUrl}/api/wards`);
  const { wards } = WardList.parse(await response.json());
  const ward = wards[0];
  if (!ward) throw new Error('The demo council has no wards');
  return ward;
}

/** Registers a resident straight through the API, for tests that are about something else. */
export async function registerResident(prefix: string): Promise<TestResident> {
  const ward = await firstWard();
  const resident = {
    email: uniqueEmail(prefix),
    password: 'correct horse battery staple',
    displayName: `Resident ${prefix}`,
  };
  const response = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...resident, homeWardId: ward.id, birthYear: 1988 }),
  });
  if (!response.ok) throw new Error(`Registering a test resident failed: ${response.status} ${await response.text()}`);
  return resident;
}
