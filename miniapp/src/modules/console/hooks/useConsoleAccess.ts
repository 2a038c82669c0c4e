import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { platform } from '@/core/platform';
import { useMe } from '@/modules/identity/hooks/useMe';
import { useSession } from '@/modules/identity/hooks/useSession';
import { Routes } from '@/core/routes';

/**
 * Who is using the console. A desktop browser without a console session goes to the scan-login
 * page; in the mini-program the staff member's own session is used.
 */
export function useConsoleAccess() {
  const scope = platform.consoleScope;
  const session = useSession(scope);
  const meState = useMe(scope);
  const mustScan = platform.consoleNeedsScanLogin && !session;

  useEffect(() => {
    if (mustScan) void Taro.redirectTo({ url: Routes.consoleLogin });
  }, [mustScan]);

  return { session, ...meState, redirecting: mustScan };
}
