import { sessions, type Session, type SessionScope } from '@/core/session/session-store';
import { useStore } from '@/core/store';

export function useSession(scope: SessionScope = 'app'): Session | null {
  return useStore(sessions[scope]);
}
