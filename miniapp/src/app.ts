// Must stay the first import: zod reads its no-JIT flag when schemas are built.
import './core/setup/zod-jitless';
import type { PropsWithChildren } from 'react';
import Taro, { useDidHide, useDidShow, useLaunch } from '@tarojs/taro';
import { captureEntry } from './core/entry';
import { installBrowserA11y } from './core/platform/a11y';
import { loadServerConfig } from './core/platform/server-config';
import { restoreSession } from './modules/identity/services/identity.service';
import { flushEvents, reportEntry } from './modules/tracking/services/tracker';
import { installPrivacyPrompt } from './modules/privacy/services/privacy-prompt';
import './app.scss';

interface LaunchOptions {
  path?: string;
  query?: Record<string, unknown>;
  scene?: number;
}

function App({ children }: PropsWithChildren) {
  useLaunch((options: LaunchOptions) => {
    const launch = options ?? (Taro.getLaunchOptionsSync?.() as LaunchOptions | undefined) ?? {};
    captureEntry(launch.query, launch.scene);
    // Every launch is a touchpoint (with its scene); share tokens and channels ride along.
    reportEntry(launch.path, 'launch');
    installPrivacyPrompt();
    installBrowserA11y();
    loadServerConfig()
      .catch(() => undefined)
      .then(() => restoreSession());
  });

  useDidShow((options?: LaunchOptions) => {
    if (!options) return;
    captureEntry(options.query, options.scene);
    reportEntry(options.path, 'show');
  });

  // Last chance before WeChat may freeze or discard the app; what is left stays queued on disk.
  useDidHide(() => {
    void flushEvents();
  });

  // children is the page being rendered
  return children;
}

export default App;
