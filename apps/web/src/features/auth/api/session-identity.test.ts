import type { Me } from '@allot/shared';
import { describe, expect, it } from 'vitest';
import { sessionIdentity } from './session-identity';

const rosa: Me = {
  id: '7b0c3f6e-2a51-4d8e-9a0f-2f4b9b1a6c10',
  email: 'rosa@example.test',
  displayName: 'Rosa',
  homeWardId: null,
  birthYear: null,
  roles: ['resident'],
  councillorWardIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('sessionIdentity', () => {
  it('is the same for a silent refresh of the same account', () => {
    expect(sessionIdentity({ ...rosa, displayName: 'Rosa M.' })).toBe(sessionIdentity(rosa));
    expect(sessionIdentity({ ...rosa, roles: ['staff', 'resident'] })).toBe(sessionIdentity({ ...rosa, roles: ['resident', 'staff'] }));
  });

  it('changes with the account, its roles, its wards, and on signing out', () => {
    const other = { ...rosa, id: '0e8f9d4c-6b1a-4f3e-8c2d-5a7b9e1f3c42' };
    expect(sessionIdentity(other)).not.toBe(sessionIdentity(rosa));
    expect(sessionIdentity({ ...rosa, roles: ['resident', 'admin'] })).not.toBe(sessionIdentity(rosa));
    expect(sessionIdentity({ ...rosa, councillorWardIds: ['0e8f9d4c-6b1a-4f3e-8c2d-5a7b9e1f3c43'] })).not.toBe(sessionIdentity(rosa));
    expect(sessionIdentity(null)).toBe('signed-out');
    expect(sessionIdentity(undefined)).toBe(sessionIdentity(null));
  });
});
