import type { SessionResponse } from '@leadloop/shared';
import { createStore, type Store } from '../store';
import { readStored, writeStored } from '../storage';

/**
 * `app`: the person using the mini-program (prospect or staff on their phone).
 * `console`: a desktop browser signed in by scan-login; kept apart so signing out of one
 * never signs out the other.
 */
export type SessionScope = 'app' | 'console';
export type Session = SessionResponse;

const StorageKeys: Record<SessionScope, string> = {
  app: 'leadloop.session',
  console: 'leadloop.console-session',
};

function persistedStore(scope: SessionScope): Store<Session | null> {
  const store = createStore<Session | null>(readStored<Session>(StorageKeys[scope]));
  store.subscribe(() => writeStored(StorageKeys[scope], store.get()));
  return store;
}

export const sessions: Record<SessionScope, Store<Session | null>> = {
  app: persistedStore('app'),
  console: persistedStore('console'),
};

/** A stored session past its expiry is treated as absent (the server would refuse it anyway). */
export function currentSession(scope: SessionScope): Session | null {
  const session = sessions[scope].get();
  if (!session) return null;
  const expires = Date.parse(session.expiresAt);
  if (Number.isFinite(expires) && expires <= Date.now()) return null;
  return session;
}
