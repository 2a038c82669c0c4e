import { Access, type MeResponse, type StaffRole } from '@leadloop/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { Routes } from '@/core/routes';
import { PrivacyPopup } from '@/modules/privacy/components/PrivacyPopup';
import { Page, Tappable } from '@/ui';
import { useConsoleAccess } from '../hooks/useConsoleAccess';
import { leaveConsole } from '../services/console-auth.service';
import { ConsoleGate } from './ConsoleGate';
import { ConsoleHeader } from './ConsoleHeader';
import './ConsoleFrame.scss';

interface ConsoleFrameProps {
  title: string;
  subtitle?: string;
  /** Who may use this page (default: admin and marketer). */
  roles?: readonly StaffRole[];
  children(me: MeResponse): ReactNode;
}

function backToConsole(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: Routes.consoleHome });
}

/**
 * A console sub-page: header, a way back to the console home, and the access checks (signed in,
 * a staff member, a role that may see this page) before its content.
 */
export function ConsoleFrame({ title, subtitle, roles = Access.console, children }: ConsoleFrameProps) {
  const { me, error, reload, redirecting } = useConsoleAccess();
  if (redirecting) return <Page wide />;

  return (
    <Page wide>
      {/* console pages copy links (setClipboardData) and choose files (chooseMessageFile / chooseMedia) */}
      <PrivacyPopup />
      <ConsoleHeader staff={me?.staff ?? null} onLeave={leaveConsole} />
      <View className='console-frame__bar'>
        <Tappable className='console-frame__back' label='返回控制台' onTap={backToConsole}>
          <Text>‹ 控制台</Text>
        </Tappable>
        <View className='console-frame__titles'>
          <Text className='console-frame__title'>{title}</Text>
          {subtitle && <Text className='console-frame__subtitle'>{subtitle}</Text>}
        </View>
      </View>
      <ConsoleGate me={me} error={error} onRetry={reload} roles={roles}>
        {children}
      </ConsoleGate>
    </Page>
  );
}
