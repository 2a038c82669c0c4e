import type { PropsWithChildren } from 'react';
import { useSession } from '../hooks/useSession';
import { SignInPanel } from './SignInPanel';

/** Shows its children to a signed-in person, the login panel to anyone else. */
export function SignInGate({ title, description, children }: PropsWithChildren<{ title?: string; description?: string }>) {
  const session = useSession('app');
  if (!session) return <SignInPanel title={title} description={description} />;
  return <>{children}</>;
}
