import type { Me, Role } from '@allot/shared';

/** Who a navigation entry is for. The server still checks every request; the menu only hides. */
export type Audience = 'everyone' | 'signed-out' | 'signed-in' | { roles: readonly Role[] };

export interface NavItem {
  to: string;
  label: string;
  audience: Audience;
  /** Show the signed-in person's unread notification count after the label. */
  showsUnreadCount?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Home', audience: 'everyone' },
  { to: '/cycles', label: 'Budget cycles', audience: 'everyone' },
  { to: '/wards', label: 'Wards', audience: 'everyone' },
  { to: '/receipts', label: 'Check a receipt', audience: 'everyone' },
  { to: '/reviews', label: 'Feasibility reviews', audience: { roles: ['staff', 'admin'] } },
  { to: '/paper-ballots', label: 'Paper ballots', audience: { roles: ['staff'] } },
  { to: '/ward-figures', label: 'Ward figures', audience: { roles: ['councillor', 'admin'] } },
  { to: '/admin/cycles', label: 'Manage cycles', audience: { roles: ['admin'] } },
  { to: '/admin/wards', label: 'Manage wards', audience: { roles: ['admin'] } },
  { to: '/admin/users', label: 'Users and roles', audience: { roles: ['admin'] } },
  { to: '/admin/audit', label: 'Audit log', audience: { roles: ['admin'] } },
  { to: '/notifications', label: 'Notifications', audience: 'signed-in', showsUnreadCount: true },
  { to: '/account', label: 'My account', audience: 'signed-in' },
  { to: '/sign-in', label: 'Sign in', audience: 'signed-out' },
  { to: '/register', label: 'Create an account', audience: 'signed-out' },
];

export function canSee(audience: Audience, user: Me | null): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'signed-out') return user === null;
  if (audience === 'signed-in') return user !== null;
  return user !== null && audience.roles.some((role) => user.roles.includes(role));
}

export function navItemsFor(user: Me | null): NavItem[] {
  return NAV_ITEMS.filter((item) => canSee(item.audience, user));
}

/** Pages that belong to a menu entry although their address does not start with it. */
const SECTION_OF: readonly (readonly [RegExp, string])[] = [
  [/^\/cycles\/[^/]+\/stats\/?$/, '/ward-figures'],
  [/^\/cycles\/[^/]+\/reviews\/?$/, '/reviews'],
  [/^\/proposals\/[^/]+\/review\/?$/, '/reviews'],
  [/^\/cycles\/[^/]+\/paper-ballots\/?$/, '/paper-ballots'],
  [/^\/(proposals|projects)\//, '/cycles'],
];

/**
 * The menu entry the page at `pathname` belongs to (marked as the current page), among the
 * entries this person sees: a page listed in SECTION_OF belongs to its entry when the person
 * has it, otherwise the entry with the longest address the page's address starts with.
 */
export function currentSection(pathname: string, items: readonly NavItem[]): string | null {
  const shown = new Set(items.map((item) => item.to));
  for (const [pattern, to] of SECTION_OF) if (pattern.test(pathname) && shown.has(to)) return to;
  let best: string | null = null;
  for (const { to } of items) {
    const inside = to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
    if (inside && (best === null || to.length > best.length)) best = to;
  }
  return best;
}
