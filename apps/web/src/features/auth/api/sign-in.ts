import { Session, type LoginRequest } from '@allot/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest, setSession } from '../../../lib/api-client';

export async function signIn(credentials: LoginRequest): Promise<Session> {
  const session = await apiRequest('/api/auth/login', { method: 'POST', body: credentials, schema: Session });
  setSession(session);
  return session;
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
