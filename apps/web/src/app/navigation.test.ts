import type { Me, Role } from '@allot/shared';
import { describe, expect, it } from 'vitest';
import { currentSection, navItemsFor } from './navigation';

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
    expect(labels(null)).toEqual(['Home', 'Budget cycles', 'Wards', 'Check a receipt', 'Sign in', 'Create an account']);
  });

  it('shows residents their notifications and account but no staff or admin pages', () => {
    expect(labels(userWith(['resident']))).toEqual(['Home', 'Budget cycles', 'Wards', 'Check a receipt', 'Notifications', 'My account']);
  });

  it('shows councillors the ward figures but no staff or admin pages', () => {
    for (const roles of [['councillor'], ['resident', 'councillor']] as Role[][]) {
      expect(labels(userWith(roles))).toEqual(['Home', 'Budget cycles', 'Wards', 'Check a receipt', 'Ward figures', 'Notifications', 'My account']);
    }
  });

  it('shows the feasibility reviews and paper-ballot desk to staff but no admin pages', () => {
    expect(labels(userWith(['staff']))).toEqual(['Home', 'Budget cycles', 'Wards', 'Check a receipt', 'Feasibility reviews', 'Paper ballots', 'Notifications', 'My account']);
    expect(labels(userWith(['resident', 'staff', 'councillor']))).toEqual([
      'Home',
      'Budget cycles',
      'Wards',
      'Check a receipt',
      'Feasibility reviews',
      'Paper ballots',
      'Ward figures',
      'Notifications',
      'My account',
    ]);
  });

  it('shows the admin pages only to admins', () => {
    expect(labels(userWith(['resident', 'admin']))).toEqual([
      'Home',
      'Budget cycles',
      'Wards',
      'Check a receipt',
      'Feasibility reviews',
      'Ward figures',
      'Manage cycles',
      'Manage wards',
      'Users and roles',
      'Audit log',
      'Notifications',
      'My account',
    ]);
  });
});

describe('the menu entry of the current page', () => {
  const councillor = navItemsFor(userWith(['councillor']));
  const resident = navItemsFor(userWith(['resident']));
  const staff = navItemsFor(userWith(['staff']));

  it('is the entry whose address the page is under, the longest one winning', () => {
    expect(currentSection('/', resident)).toBe('/');
    expect(currentSection('/cycles', resident)).toBe('/cycles');
    expect(currentSection('/cycles/4f1c/results', resident)).toBe('/cycles');
    expect(currentSection('/admin/cycles/4f1c/count', navItemsFor(userWith(['admin'])))).toBe('/admin/cycles');
    expect(currentSection('/receipts', resident)).toBe('/receipts');
    expect(currentSection('/nowhere', resident)).toBeNull();
  });

  it('puts pages under a cycle or an idea in the section they belong to, for people who have it', () => {
    expect(currentSection('/cycles/4f1c/stats', councillor)).toBe('/ward-figures');
    expect(currentSection('/cycles/4f1c/reviews', staff)).toBe('/reviews');
    expect(currentSection('/proposals/9a2b/review', staff)).toBe('/reviews');
    expect(currentSection('/cycles/4f1c/paper-ballots', staff)).toBe('/paper-ballots');
    expect(currentSection('/proposals/9a2b', resident)).toBe('/cycles');
    expect(currentSection('/projects/9a2b/delivery', resident)).toBe('/cycles');
    // Someone without the entry sees the page under the cycles instead.
    expect(currentSection('/cycles/4f1c/stats', resident)).toBe('/cycles');
  });
});
