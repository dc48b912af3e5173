/**
 * Where to go after signing in. Only paths on this site are followed, so a crafted link such as
 * /sign-in?next=//evil.example cannot send someone elsewhere after they enter their password.
 */
export function safeNextPath(next: string | null, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  return next;
}
