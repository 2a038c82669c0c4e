import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { platform } from '@/core/platform';
import { currentSession } from '@/core/session/session-store';
import { ConsoleLoginAside } from '@/modules/console/components/ConsoleLoginAside';
import { ConsoleLayout } from '@/modules/console/components/ConsoleLayout';
import { ScanLoginPanel } from '@/modules/console/components/ScanLoginPanel';
import { Card, Page } from '@/ui';
import { Routes } from '@/core/routes';

const goHome = () => void Taro.redirectTo({ url: Routes.consoleHome });

export default function ConsoleLoginPage() {
  const alreadyIn = !platform.consoleNeedsScanLogin || currentSession(platform.consoleScope) !== null;
  useEffect(() => {
    if (alreadyIn) goHome();
  }, [alreadyIn]);

  return (
    <Page wide>
      {!alreadyIn && (
        <ConsoleLayout
          main={<ConsoleLoginAside />}
          side={
            <Card>
              <View>
                <ScanLoginPanel onSignedIn={goHome} />
              </View>
            </Card>
          }
        />
      )}
    </Page>
  );
}
