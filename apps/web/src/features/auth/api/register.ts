import { Session, type RegisterRequest } from '@allot/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest, setSession } from '../../../lib/api-client';

export async function register(request: RegisterRequest): Promise<Session> {
  const session = await apiRequest('/api/auth/register', { method: 'POST', body: request, schema: Session });
  setSession(session);
  return session;
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
