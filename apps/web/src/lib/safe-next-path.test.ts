import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('the page to show after signing in', () => {
  it('follows a path on this site, query string included', () => {
    expect(safeNextPath('/admin/users?q=ada')).toBe('/admin/users?q=ada');
  });

  it('goes to the account page when there is nowhere to return to', () => {
    expect(safeNextPath(null)).toBe('/account');
    expect(safeNextPath('')).toBe('/account');
  });

  it('refuses addresses that lead to another site', () => {
    for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(safeNextPath(next)).toBe('/account');
    }
  });
});
