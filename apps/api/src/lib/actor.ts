/** Who performs an audited action: a signed-in user, or null for the admin CLI / the system. */
export interface Actor {
  userId: string | null;
  /** Request id (or 'cli'), stored with the audit entry to tie it to the logs. */
  requestId?: string | null;
}
