import type { Me, Role } from '@allot/shared';
import { describe, expect, it } from 'vitest';
import { navItemsFor } from './navigation';

function userWith(roles: Role[]): Me {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'someone@example.test',
    displayName: 'Someone',
    homeWardId: null,
    birthYear: 1980,
    roles,
    councillorWardIds: [],
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

const labels = (user: Me | null) => navItemsFor(user).map((item) => item.label);

describe('main navigation', () => {
  it('offers signing in and creating an account to visitors who are signed out', () => {
    expect(labels(null)).toEqual(['Home', 'Wards', 'Sign in', 'Create an account']);
  });

  it('shows residents, staff and councillors their account but no admin pages', () => {
    for (const roles of [['resident'], ['staff'], ['councillor'], ['resident', 'staff', 'councillor']] as Role[][]) {
      expect(labels(userWith(roles))).toEqual(['Home', 'Wards', 'My account']);
    }
  });

  it('shows the admin pages only to admins', () => {
    expect(labels(userWith(['resident', 'admin']))).toEqual([
      'Home',
      'Wards',
      'Manage wards',
      'Users and roles',
      'My account',
    ]);
  });
});
