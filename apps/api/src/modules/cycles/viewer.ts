import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { resolvePrincipal } from '../../plugins/auth';
import type { Principal } from '../../types';

/**
 * preHandler for public routes whose answer depends on who asks (drafts for admins, "my support",
 * a hidden comment's text for its author). A missing or stale token simply means "signed out".
 */
export const identifyViewer: preHandlerAsyncHookHandler = async function identifyViewer(
  request: FastifyRequest,
  _reply: FastifyReply,
) {
  await resolvePrincipal(request);
};

/** Who is asking, or null when signed out. */
export type Viewer = Principal | null;

export function viewerOf(request: FastifyRequest): Viewer {
  return request.principal;
}

export const isAdmin = (viewer: Viewer): boolean => viewer?.roles.includes('admin') ?? false;
export const isStaffOrAdmin = (viewer: Viewer): boolean =>
  viewer?.roles.some((role) => role === 'staff' || role === 'admin') ?? false;
