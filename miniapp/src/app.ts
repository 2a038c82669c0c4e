// Must stay the first import: zod reads its no-JIT flag when schemas are built.
import './core/setup/zod-jitless';
import type { PropsWithChildren } from 'react';
import Taro, { useDidShow, useLaunch } from '@tarojs/taro';
import { captureEntry } from './core/entry';
import { loadServerConfig } from './core/platform/server-config';
import { restoreSession } from './modules/identity/services/identity.service';
import { installPrivacyPrompt } from './modules/privacy/services/privacy-prompt';
import './app.scss';

interface LaunchOptions {
  query?: Record<string, unknown>;
  scene?: number;
}

function App({ children }: PropsWithChildren) {
  useLaunch((options: LaunchOptions) => {
    const launch = options ?? (Taro.getLaunchOptionsSync?.() as LaunchOptions | undefined) ?? {};
    captureEntry(launch.query, launch.scene);
    installPrivacyPrompt();
    loadServerConfig()
      .catch(() => undefined)
      .then(() => restoreSession());
  });

  useDidShow((options?: LaunchOptions) => {
    if (options) captureEntry(options.query, options.scene);
  });

  // children is the page being rendered
  return children;
}

export default App;
